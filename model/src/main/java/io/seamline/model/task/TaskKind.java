package io.seamline.model.task;

public enum TaskKind {
    COMMITMENT_CHANGE,
    UNMATCHED_MESSAGE,
    INVOICE_EXCEPTION,
    ASN_DISCREPANCY,
    DELAY_IMPACT,
    CUSTOMS_HOLD,
    ACK_REJECTED,
    DELIVERY_FAILED
}
