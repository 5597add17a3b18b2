package io.seamline.model.order;

/** Where a purchase order stands as a whole. */
public enum PurchaseOrderStatus {
    OPEN,
    ACKNOWLEDGED,
    PARTIALLY_SHIPPED,
    SHIPPED,
    CLOSED,
    CANCELLED
}
