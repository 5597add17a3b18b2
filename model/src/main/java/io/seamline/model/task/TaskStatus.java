package io.seamline.model.task;

public enum TaskStatus {
    OPEN,
    /** A person approved or rejected it. */
    DECIDED,
    /** It went away without a decision, e.g. the missing PO arrived and the message matched. */
    RESOLVED,
    CANCELLED
}
