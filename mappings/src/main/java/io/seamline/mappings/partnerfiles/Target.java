package io.seamline.mappings.partnerfiles;

/**
 * What a partner file holds, and so which canonical events its records become. Each record is a map whose keys
 * are the canonical field names listed here; the Smooks configuration binds the partner's columns to them.
 */
public enum Target {
    /** {@code po.commitment.updated}, one per PO: poNumber, lineNumber, quantity, promisedDate, reasonCode, itemId, partnerItemId, note. */
    COMMITMENTS,
    /** {@code shipment.status}, one per record: shipmentId, pro, bol, container, poNumber, status, statusCode, reasonCode, eventTime, estimatedDelivery, city, region, country, unlocode, scac. */
    SHIPMENT_STATUS,
    /** {@code customs.status}, one per record: entryNumber, status, reason, shipmentId, bol, poNumber, documentsRequested (separated by ;). */
    CUSTOMS_STATUS,
    /** {@code shipment.notice}, one per shipmentId: shipmentId, shipDate, estimatedDelivery, scac, bol, pro, container, poNumber, lineNumber, itemId, partnerItemId, quantity, unit. */
    SHIP_NOTICES
}
