package io.seamline.model.outbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deduction we take (812 debit, INVOIC debit note 383): its number, amount and reason, what it is about
 * ({@code referenceQualifier} and {@code reference}: the PO, receipt or shipment) and the evidence it rests on.
 */
public record DeductionRaised(
        String number,
        LocalDate date,
        String currency,
        BigDecimal amount,
        String reasonCode,
        String reason,
        String referenceQualifier,
        String reference,
        String evidence)
        implements OutboundDocument {

    public DeductionRaised {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String x12SetId() {
        return "812";
    }

    @Override
    public String edifactMessage() {
        return "INVOIC";
    }
}
