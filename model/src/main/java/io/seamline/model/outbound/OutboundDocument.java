package io.seamline.model.outbound;

/** A document we send: the set or message it becomes depends on the partner's standard. */
public sealed interface OutboundDocument
        permits OrderPlaced,
                OrderChanged,
                LoadTendered,
                ApplicationAdvised,
                BookingRequested,
                ReceiptAdvised,
                RemittanceAdvised,
                DeductionRaised {

    /** The X12 set id of this document (850, 860, 204, 824). */
    String x12SetId();

    /** The EDIFACT message type of this document (ORDERS, ORDCHG, IFTMIN, APERAK). */
    String edifactMessage();
}
