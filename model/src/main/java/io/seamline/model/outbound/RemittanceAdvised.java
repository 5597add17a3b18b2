package io.seamline.model.outbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What we paid a partner (820, REMADV): the payment, and per invoice the amount paid and each deduction with its
 * reason.
 */
public record RemittanceAdvised(
        String paymentId, LocalDate paidOn, String currency, BigDecimal amount, List<Invoice> invoices)
        implements OutboundDocument {

    public RemittanceAdvised {
        Objects.requireNonNull(paymentId, "paymentId");
        invoices = List.copyOf(invoices);
    }

    public record Invoice(String invoiceNumber, BigDecimal paid, List<Adjustment> adjustments) {

        public Invoice {
            adjustments = List.copyOf(adjustments);
        }
    }

    public record Adjustment(BigDecimal amount, String reasonCode, String note) {}

    @Override
    public String x12SetId() {
        return "820";
    }

    @Override
    public String edifactMessage() {
        return "REMADV";
    }
}
