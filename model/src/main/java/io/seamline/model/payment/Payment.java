package io.seamline.model.payment;

import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the ERP paid a partner: the payment's amount and, per invoice, what was paid and the deductions taken from it
 * with their reasons. It becomes the partner's remittance advice (820, REMADV, a notice or a mail).
 */
public record Payment(
        String paymentId,
        PartnerId partnerId,
        LocalDate paidAt,
        String currency,
        BigDecimal amount,
        List<PaidInvoice> invoices) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(partnerId, "partnerId");
        invoices = List.copyOf(invoices);
    }

    /**
     * What was paid on an invoice: its amount when the invoices' amounts add up to the payment, else (they are what
     * each invoice billed) its amount less its deductions.
     */
    public BigDecimal paid(PaidInvoice invoice) {
        BigDecimal sum = invoices.stream().map(PaidInvoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return amount == null || sum.compareTo(amount) == 0
                ? invoice.amount()
                : invoice.amount().subtract(invoice.deducted());
    }

    public record PaidInvoice(String invoiceNumber, BigDecimal amount, List<Withheld> deductions) {

        public PaidInvoice {
            deductions = List.copyOf(deductions == null ? List.of() : deductions);
        }

        /** What the deductions on this invoice add up to. */
        public BigDecimal deducted() {
            return deductions.stream().map(Withheld::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An amount kept back from an invoice, with the reason code (X12 CARC / UNCL 4465 style) and a note. */
    public record Withheld(BigDecimal amount, String reasonCode, String note) {}
}
