package io.seamline.model.task;

public enum TaskKind {
    COMMITMENT_CHANGE,
    UNMATCHED_MESSAGE,
    INVOICE_EXCEPTION,
    ASN_DISCREPANCY,
    DELAY_IMPACT,
    CUSTOMS_HOLD,
    ACK_REJECTED,
    /** A carrier declined (or accepted with conditions) one of our load tenders. */
    TENDER_DECLINED,
    DELIVERY_FAILED
}
