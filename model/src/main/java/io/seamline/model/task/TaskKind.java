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
    DELIVERY_FAILED,
    /** A deduction the gateway proposes (a chargeback for a breach, goods short or rejected on receipt). */
    DEDUCTION,
    /** A partner disputes a deduction we took. */
    DEDUCTION_DISPUTE,
    /** What arrived differs from what was shipped beyond the agreed tolerance (more than shipped, here). */
    RECEIPT_DISCREPANCY,
    /** A forwarder declined our booking, or confirmed it changed beyond the agreed tolerance. */
    BOOKING_CHANGE;

    /**
     * Whether a person may decide many tasks of this kind at once: only where a decision moves no money, releases no
     * goods and needs no investigation of its own (a supplier's date change, a delay to note, a delivery to retry).
     * Invoice exceptions, customs holds, unmatched messages and ASN discrepancies are decided one by one.
     */
    public boolean bulkDecidable() {
        return switch (this) {
            case COMMITMENT_CHANGE,
                    DELAY_IMPACT,
                    ACK_REJECTED,
                    TENDER_DECLINED,
                    DELIVERY_FAILED,
                    BOOKING_CHANGE -> true;
            case UNMATCHED_MESSAGE,
                    INVOICE_EXCEPTION,
                    ASN_DISCREPANCY,
                    CUSTOMS_HOLD,
                    DEDUCTION,
                    DEDUCTION_DISPUTE,
                    RECEIPT_DISCREPANCY -> false;
        };
    }
}
