/**
 * Writing EDI: a small writer over StAEDI's stream writer, the envelopes we put around what we send, and the
 * renderers of our outbound documents (850, 860, 204, 824; ORDERS, ORDCHG, APERAK).
 */
package io.seamline.mappings.edi.outbound;
