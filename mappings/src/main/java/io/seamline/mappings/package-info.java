/**
 * Partner formats to and from canonical: EDI, CSV and JSON documents become model records and canonical events,
 * and back. Everything here is pure (bytes in, values out; no I/O, no Spring) and golden-file tested.
 */
package io.seamline.mappings;
