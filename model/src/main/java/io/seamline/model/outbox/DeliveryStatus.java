package io.seamline.model.outbox;

public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    /** Gave up after the agreed attempts; visible to operations and retryable. */
    FAILED
}
