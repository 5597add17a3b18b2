package io.seamline.model.order;

/** Where one purchase order line stands. */
public enum LineStatus {
    OPEN,
    CONFIRMED,
    BACKORDERED,
    REJECTED,
    PARTIALLY_SHIPPED,
    SHIPPED,
    /** The ERP dropped the line from the order. */
    CANCELLED
}
