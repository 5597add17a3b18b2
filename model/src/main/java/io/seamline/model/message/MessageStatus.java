package io.seamline.model.message;

/**
 * Where a message stands. Inbound: RECEIVED (archived, not yet processed) then PROCESSED, REJECTED, DUPLICATE or
 * FAILED. Outbound: QUEUED, then DELIVERED (and ACKNOWLEDGED when the partner's functional ack arrives) or FAILED.
 */
public enum MessageStatus {
    RECEIVED,
    PROCESSED,
    REJECTED,
    DUPLICATE,
    FAILED,
    QUEUED,
    DELIVERED,
    ACKNOWLEDGED;

    /** True once nothing more will happen to the message without someone asking (reprocess, retry). */
    public boolean isFinal() {
        return this != RECEIVED && this != QUEUED;
    }
}
