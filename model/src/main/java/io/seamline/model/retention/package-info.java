/** Data lifecycle: retention classes, legal holds, erasures. */
package io.seamline.model.retention;
