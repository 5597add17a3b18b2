package io.seamline.mappings.edi.outbound;

import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.BookingRequested;
import io.seamline.model.outbound.DeductionRaised;
import io.seamline.model.outbound.LoadTendered;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.outbound.OrderPlaced;
import io.seamline.model.outbound.ReceiptAdvised;
import io.seamline.model.outbound.RemittanceAdvised;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The bodies of our X12 sets, between ST and SE. */
final class X12Documents {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private X12Documents() {}

    static void order(EdiWriter w, OrderPlaced order) {
        w.segment("BEG", "00", "SA", order.poNumber(), null, date(order.orderDate()));
        if (order.currency() != null) {
            w.segment("CUR", "BY", order.currency());
        }
        BigDecimal hash = BigDecimal.ZERO;
        for (OrderPlaced.Line line : order.lines()) {
            w.segment(
                    "PO1",
                    line.lineNumber(),
                    number(line.quantity()),
                    line.unit(),
                    number(line.unitPrice()),
                    null,
                    "BP",
                    line.itemId(),
                    line.partnerItemId() == null ? null : "VP",
                    line.partnerItemId());
            if (line.needByDate() != null) {
                w.segment("DTM", "002", date(line.needByDate()));
            }
            hash = hash.add(line.quantity() == null ? BigDecimal.ZERO : line.quantity());
        }
        w.segment("CTT", Integer.toString(order.lines().size()), number(hash));
    }

    static void change(EdiWriter w, OrderChanged change) {
        w.segment(
                "BCH",
                "04",
                "SA",
                change.poNumber(),
                null,
                null,
                date(change.orderDate()),
                null,
                null,
                null,
                null,
                date(change.changeDate()));
        if (change.note() != null) {
            w.segment("MSG", change.note());
        }
        for (OrderChanged.Line line : change.lines()) {
            w.segment(
                    "POC",
                    line.lineNumber(),
                    changeCode(line.change()),
                    number(line.quantity()),
                    null,
                    line.unit(),
                    number(line.unitPrice()),
                    null,
                    "BP",
                    line.itemId(),
                    line.partnerItemId() == null ? null : "VP",
                    line.partnerItemId());
            if (line.date() != null) {
                w.segment("DTM", "002", date(line.date()));
            }
        }
        w.segment("CTT", Integer.toString(change.lines().size()));
    }

    static void tender(EdiWriter w, LoadTendered tender) {
        w.segment("B2", null, tender.carrierScac(), null, tender.shipmentId(), null, "PP");
        w.segment("B2A", tender.cancellation() ? "01" : "00");
        if (tender.bol() != null) {
            w.segment("L11", tender.bol(), "BM");
        }
        for (String po : tender.poNumbers()) {
            w.segment("L11", po, "PO");
        }
        w.segment("S5", "1", "CL");
        if (tender.pickupDate() != null) {
            w.segment("G62", "10", date(tender.pickupDate()));
        }
        if (tender.shipFrom() != null) {
            w.segment("N1", "SH", tender.shipFrom());
        }
        w.segment("S5", "2", "CU");
        if (tender.deliveryDate() != null) {
            w.segment("G62", "68", date(tender.deliveryDate()));
        }
        if (tender.shipTo() != null) {
            w.segment("N1", "CN", tender.shipTo());
        }
    }

    static void advice(EdiWriter w, ApplicationAdvised advice, LocalDateTime now) {
        w.segment("BGN", "00", advice.adviceNumber(), date(advice.date() == null ? now.toLocalDate() : advice.date()));
        String code =
                switch (advice.outcome()) {
                    case ACCEPTED -> "TA";
                    case ACCEPTED_WITH_ERRORS -> "TE";
                    case REJECTED -> "TR";
                };
        w.segment(
                "OTI",
                code,
                advice.referenceQualifier() == null ? "TN" : advice.referenceQualifier(),
                advice.reference(),
                null,
                null,
                null,
                null,
                null,
                advice.answeredControlNumber(),
                advice.answeredSetId());
        for (ApplicationAdvised.Error error : advice.errors()) {
            w.segment("TED", error.code() == null ? "ZZZ" : error.code(), Echo.x12(error.message()));
        }
    }

    /** 300 Reservation (Booking Request) (Ocean): our shipment, its POs, the ports and dates we plan. */
    static void booking(EdiWriter w, BookingRequested booking, LocalDateTime now) {
        w.segment(
                "B1",
                booking.carrierScac(),
                booking.booking() == null ? booking.shipmentId() : booking.booking(),
                date(now.toLocalDate()),
                "N");
        w.segment("N9", "SI", booking.shipmentId());
        for (String po : booking.poNumbers()) {
            w.segment("N9", "PO", po);
        }
        if (booking.readyDate() != null) {
            w.segment("DTM", "010", date(booking.readyDate()));
        }
        if (booking.deliveryDate() != null) {
            w.segment("DTM", "017", date(booking.deliveryDate()));
        }
        if (booking.portOfLoading() != null) {
            w.segment("R4", "L", "UN", booking.portOfLoading());
        }
        if (booking.portOfDischarge() != null) {
            w.segment("R4", "D", "UN", booking.portOfDischarge());
        }
    }

    /** 861 Receiving Advice: per PO line what was accepted and what rejected (RCD), with the reason. */
    static void receipt(EdiWriter w, ReceiptAdvised receipt, LocalDateTime now) {
        LocalDate received = receipt.receivedOn() == null ? now.toLocalDate() : receipt.receivedOn();
        w.segment("BRA", receipt.receiptId(), date(received), "00", "1");
        if (receipt.shipmentId() != null) {
            w.segment("REF", "SI", receipt.shipmentId());
        }
        w.segment("DTM", "050", date(received));
        w.segment("PRF", receipt.poNumber());
        for (ReceiptAdvised.Line line : receipt.lines()) {
            String unit = line.unit() == null ? "EA" : line.unit();
            boolean rejected = line.rejected() != null && line.rejected().signum() > 0;
            w.segment(
                    "RCD",
                    line.lineNumber(),
                    number(line.accepted()),
                    unit,
                    rejected ? number(line.rejected()) : null,
                    rejected ? unit : null);
            w.segment(
                    "LIN",
                    null,
                    line.itemId() == null ? null : "BP",
                    line.itemId(),
                    line.partnerItemId() == null ? null : "VP",
                    line.partnerItemId());
            if (rejected && line.reason() != null) {
                w.segment("REF", "ZZ", Echo.x12(line.reason()));
            }
        }
        w.segment("CTT", Integer.toString(receipt.lines().size()));
    }

    /** 820 Payment Order/Remittance Advice: the payment, then per invoice what was paid (RMR) and deducted (ADX). */
    static void remittance(EdiWriter w, RemittanceAdvised remittance, LocalDateTime now) {
        LocalDate paid = remittance.paidOn() == null ? now.toLocalDate() : remittance.paidOn();
        w.segment(
                "BPR",
                "I",
                number(remittance.amount()),
                "C",
                "ACH",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                date(paid));
        w.segment("TRN", "1", remittance.paymentId());
        if (remittance.currency() != null) {
            w.segment("CUR", "PR", remittance.currency());
        }
        int n = 0;
        for (RemittanceAdvised.Invoice invoice : remittance.invoices()) {
            w.segment("ENT", Integer.toString(++n));
            BigDecimal adjusted = invoice.adjustments().stream()
                    .map(RemittanceAdvised.Adjustment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            w.segment(
                    "RMR",
                    "IV",
                    invoice.invoiceNumber(),
                    "PO",
                    number(invoice.paid()),
                    number(invoice.paid().add(adjusted)));
            for (RemittanceAdvised.Adjustment adjustment : invoice.adjustments()) {
                w.segment("ADX", number(adjustment.amount().negate()), adjustment.reasonCode());
                if (adjustment.note() != null) {
                    w.segment("NTE", "ADD", Echo.x12(adjustment.note()));
                }
            }
        }
    }

    /** 812 Credit/Debit Adjustment: a debit we take, its reason (CDD) and the evidence it rests on (REF). */
    static void deduction(EdiWriter w, DeductionRaised deduction, LocalDateTime now) {
        LocalDate on = deduction.date() == null ? now.toLocalDate() : deduction.date();
        w.segment("BCD", date(on), deduction.number(), "I", number(deduction.amount()), "D");
        if (deduction.currency() != null) {
            w.segment("CUR", "BY", deduction.currency());
        }
        if (deduction.reference() != null) {
            w.segment(
                    "REF",
                    deduction.referenceQualifier() == null ? "ZZ" : deduction.referenceQualifier(),
                    deduction.reference());
        }
        if (deduction.evidence() != null) {
            w.segment("REF", "ZZ", Echo.x12(deduction.evidence()));
        }
        w.segment("CDD", deduction.reasonCode(), "D", null, number(deduction.amount()));
        if (deduction.reason() != null) {
            w.segment("NTE", "ADD", Echo.x12(deduction.reason()));
        }
    }

    private static String changeCode(OrderChanged.Change change) {
        return switch (change) {
            case CHANGED -> "CA";
            case QUANTITY_INCREASED -> "QI";
            case QUANTITY_DECREASED -> "QD";
            case CANCELLED -> "DI";
            case ADDED -> "AI";
        };
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.format(DATE);
    }

    static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
