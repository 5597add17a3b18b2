/** How the engine reads: input detection and normalization, the StAEDI event driver, the segment model. */
package io.seamline.mappings.edi.internal;
