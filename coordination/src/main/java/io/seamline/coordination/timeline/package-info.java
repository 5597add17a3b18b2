/**
 * Execution memory: every step appends to the timeline of its subject (a PO, a shipment, an invoice, a message),
 * once per step key, so reprocessing never writes a step twice.
 */
package io.seamline.coordination.timeline;
