package io.seamline.model.message;

/**
 * Where a message stands. Inbound: RECEIVED (archived, not yet processed) then PROCESSED, REJECTED, DUPLICATE,
 * QUARANTINED or FAILED. Outbound: QUEUED, then DELIVERED (and ACKNOWLEDGED when the partner's functional ack arrives) or FAILED.
 */
public enum MessageStatus {
    RECEIVED,
    PROCESSED,
    REJECTED,
    DUPLICATE,
    FAILED,
    /** Kept but not processed: a mail that cannot be read or whose sender is not a partner; a person looks at it. */
    QUARANTINED,
    QUEUED,
    DELIVERED,
    ACKNOWLEDGED;

    /** True once nothing more will happen to the message without someone asking (reprocess, retry). */
    public boolean isFinal() {
        return this != RECEIVED && this != QUEUED;
    }
}
