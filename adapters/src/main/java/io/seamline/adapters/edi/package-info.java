/** EDI configuration from files: partners' mapping overrides, shipped on the classpath or added in a folder. */
package io.seamline.adapters.edi;
