package io.seamline.model.sla;

public enum ExpectationStatus {
    OPEN,
    FULFILLED,
    BREACHED,
    CANCELLED
}
