/**
 * Correlation: which PO, PO lines, shipment or earlier message of ours a partner's event is about. PO numbers and
 * line numbers first, then partner item ↔ our item, then shipment references (shipment id, BOL, PRO, container,
 * booking, air waybill). What cannot be matched, or matches more than one way, becomes an UNMATCHED_MESSAGE task with
 * ranked candidates.
 */
package io.seamline.routes.correlate;
