package io.seamline.model.sla;

public enum ExpectationStatus {
    /** Waiting; it may have been warned about. */
    OPEN,
    /** Met on time. */
    FULFILLED,
    /** Past its deadline and still not met: a breach that is open. */
    BREACHED,
    /** Met after it was breached: a breach that is closed. */
    LATE,
    CANCELLED
}
