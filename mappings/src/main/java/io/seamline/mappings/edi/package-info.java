/**
 * The EDI engine: reads X12 and EDIFACT with StAEDI (whatever the delimiters, line breaks, byte-order mark or
 * wrapping), validates envelopes and the sets it maps, turns each accepted transaction set into canonical events,
 * and writes the acknowledgements (997, 999, TA1, CONTRL). Pure: bytes in, values out.
 */
package io.seamline.mappings.edi;
