package io.seamline.model.shipment;

/** The last known state of a shipment. */
public enum ShipmentStatus {
    PLANNED,
    TENDERED,
    BOOKED,
    PICKED_UP,
    IN_TRANSIT,
    DELAYED,
    ARRIVED,
    DELIVERED,
    CANCELLED
}
