package io.seamline.mappings.edi.internal;

/** A segment as StAEDI delivered it: tag, position in the interchange, elements (each a list of components). */
record Assembled(String tag, int position, String[][] elements) {}
