package io.seamline.mappings.edi.outbound;

import io.seamline.mappings.edi.outbound.EdiWriter.Composite;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.BookingRequested;
import io.seamline.model.outbound.DeductionRaised;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.outbound.OrderPlaced;
import io.seamline.model.outbound.ReceiptAdvised;
import io.seamline.model.outbound.RemittanceAdvised;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The bodies of our EDIFACT messages, between UNH and UNT. */
final class EdifactDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private EdifactDocuments() {}

    static void order(EdiWriter w, OrderPlaced order) {
        w.segment("BGM", "220", order.poNumber(), "9");
        w.segment("DTM", date("137", order.orderDate()));
        if (order.currency() != null) {
            w.segment("CUX", Composite.of("2", order.currency(), "9"));
        }
        for (OrderPlaced.Line line : order.lines()) {
            lines(
                    w,
                    line.lineNumber(),
                    null,
                    line.itemId(),
                    line.partnerItemId(),
                    line.quantity(),
                    line.unit(),
                    line.unitPrice(),
                    line.needByDate());
        }
        w.segment("UNS", "S");
        w.segment("CNT", Composite.of("2", Integer.toString(order.lines().size())));
    }

    static void change(EdiWriter w, OrderChanged change) {
        w.segment("BGM", "230", change.poNumber(), "4");
        w.segment("DTM", date("137", change.changeDate()));
        w.segment("RFF", Composite.of("ON", change.poNumber()));
        w.segment("DTM", date("171", change.orderDate()));
        if (change.note() != null) {
            w.segment("FTX", "AAI", null, null, Composite.of(change.note()));
        }
        for (OrderChanged.Line line : change.lines()) {
            String action =
                    switch (line.change()) {
                        case CANCELLED -> "2";
                        case ADDED -> "1";
                        default -> "3";
                    };
            lines(
                    w,
                    line.lineNumber(),
                    action,
                    line.itemId(),
                    line.partnerItemId(),
                    line.quantity(),
                    line.unit(),
                    line.unitPrice(),
                    line.date());
        }
        w.segment("UNS", "S");
        w.segment("CNT", Composite.of("2", Integer.toString(change.lines().size())));
    }

    static void advice(EdiWriter w, ApplicationAdvised advice, LocalDateTime now) {
        String function =
                switch (advice.outcome()) {
                    case ACCEPTED -> "29";
                    case ACCEPTED_WITH_ERRORS -> "4";
                    case REJECTED -> "27";
                };
        w.segment("BGM", "305", advice.adviceNumber(), function);
        w.segment("DTM", date("137", advice.date() == null ? now.toLocalDate() : advice.date()));
        w.segment(
                "RFF",
                Composite.of(
                        advice.referenceQualifier() == null ? "ACW" : advice.referenceQualifier(), advice.reference()));
        for (ApplicationAdvised.Error error : advice.errors()) {
            w.segment("ERC", Composite.of(error.code() == null ? "ZZZ" : error.code()));
            w.segment("FTX", "AAO", null, null, Composite.of(Echo.edifact(error.message())));
        }
    }

    /** IFTMIN (booking): our shipment, its POs, the ports and dates we plan. */
    static void booking(EdiWriter w, BookingRequested booking, LocalDateTime now) {
        w.segment("BGM", "335", booking.booking() == null ? booking.shipmentId() : booking.booking(), "9");
        w.segment("DTM", date("137", now.toLocalDate()));
        if (booking.readyDate() != null) {
            w.segment("DTM", date("200", booking.readyDate()));
        }
        if (booking.deliveryDate() != null) {
            w.segment("DTM", date("2", booking.deliveryDate()));
        }
        w.segment("RFF", Composite.of("CU", booking.shipmentId()));
        for (String po : booking.poNumbers()) {
            w.segment("RFF", Composite.of("ON", po));
        }
        w.segment("TDT", "20", null, "1");
        if (booking.portOfLoading() != null) {
            w.segment("LOC", "9", Composite.of(booking.portOfLoading(), "139", "6"));
        }
        if (booking.portOfDischarge() != null) {
            w.segment("LOC", "11", Composite.of(booking.portOfDischarge(), "139", "6"));
        }
    }

    /** RECADV: per PO line what was accepted (QTY 48) and rejected (QTY 195), with the reason. */
    static void receipt(EdiWriter w, ReceiptAdvised receipt, LocalDateTime now) {
        LocalDate received = receipt.receivedOn() == null ? now.toLocalDate() : receipt.receivedOn();
        w.segment("BGM", "632", receipt.receiptId(), "9");
        w.segment("DTM", date("137", now.toLocalDate()));
        w.segment("DTM", date("50", received));
        w.segment("RFF", Composite.of("ON", receipt.poNumber()));
        if (receipt.shipmentId() != null) {
            w.segment("RFF", Composite.of("SRN", receipt.shipmentId()));
        }
        w.segment("CPS", "1");
        for (ReceiptAdvised.Line line : receipt.lines()) {
            w.segment("LIN", line.lineNumber(), null, line.itemId() == null ? null : Composite.of(line.itemId(), "IN"));
            if (line.partnerItemId() != null) {
                w.segment("PIA", "1", Composite.of(line.partnerItemId(), "SA"));
            }
            w.segment("QTY", Composite.of("48", X12Documents.number(line.accepted()), line.unit()));
            if (line.rejected() != null && line.rejected().signum() > 0) {
                w.segment("QTY", Composite.of("195", X12Documents.number(line.rejected()), line.unit()));
                if (line.reason() != null) {
                    w.segment("FTX", "AAO", null, null, Composite.of(Echo.edifact(line.reason())));
                }
            }
        }
    }

    /** REMADV: the payment, then per invoice (DOC 380) what was paid (MOA 12) and each deduction (AJT, MOA 5). */
    static void remittance(EdiWriter w, RemittanceAdvised remittance, LocalDateTime now) {
        w.segment("BGM", "481", remittance.paymentId(), "9");
        w.segment("DTM", date("137", remittance.paidOn() == null ? now.toLocalDate() : remittance.paidOn()));
        if (remittance.currency() != null) {
            w.segment("CUX", Composite.of("2", remittance.currency(), "11"));
        }
        for (RemittanceAdvised.Invoice invoice : remittance.invoices()) {
            w.segment("DOC", Composite.of("380"), Composite.of(invoice.invoiceNumber()));
            w.segment("MOA", Composite.of("12", X12Documents.number(invoice.paid())));
            for (RemittanceAdvised.Adjustment adjustment : invoice.adjustments()) {
                w.segment("AJT", adjustment.reasonCode());
                w.segment("MOA", Composite.of("5", X12Documents.number(adjustment.amount())));
                if (adjustment.note() != null) {
                    w.segment("FTX", "AAO", null, null, Composite.of(Echo.edifact(adjustment.note())));
                }
            }
        }
        w.segment("UNS", "S");
        w.segment("MOA", Composite.of("12", X12Documents.number(remittance.amount())));
    }

    /** INVOIC debit note (383): the deduction we take, its reason and the evidence it rests on. */
    static void deduction(EdiWriter w, DeductionRaised deduction, LocalDateTime now) {
        w.segment("BGM", "383", deduction.number(), "9");
        w.segment("DTM", date("137", deduction.date() == null ? now.toLocalDate() : deduction.date()));
        if (deduction.reason() != null) {
            w.segment("FTX", "AAI", null, null, Composite.of(Echo.edifact(deduction.reason())));
        }
        if (deduction.reference() != null) {
            w.segment(
                    "RFF",
                    Composite.of(
                            "ON".equals(deduction.referenceQualifier()) || "PO".equals(deduction.referenceQualifier())
                                    ? "ON"
                                    : "ZZZ",
                            deduction.reference()));
        }
        if (deduction.evidence() != null) {
            w.segment("RFF", Composite.of("ZZZ", Echo.edifact(deduction.evidence())));
        }
        if (deduction.currency() != null) {
            w.segment("CUX", Composite.of("2", deduction.currency(), "4"));
        }
        w.segment("ALC", "C", null, null, null, Composite.of(deduction.reasonCode()));
        w.segment("MOA", Composite.of("23", X12Documents.number(deduction.amount())));
        w.segment("UNS", "S");
        w.segment("MOA", Composite.of("77", X12Documents.number(deduction.amount())));
    }

    private static void lines(
            EdiWriter w,
            String lineNumber,
            String action,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal price,
            LocalDate date) {
        w.segment("LIN", lineNumber, action, partnerItemId == null ? null : Composite.of(partnerItemId, "SA"));
        if (itemId != null) {
            w.segment("PIA", "5", Composite.of(itemId, "BP"));
        }
        if (quantity != null) {
            w.segment("QTY", Composite.of("21", X12Documents.number(quantity), unit));
        }
        if (date != null) {
            w.segment("DTM", date("2", date));
        }
        if (price != null) {
            w.segment("PRI", Composite.of("AAA", X12Documents.number(price)));
        }
    }

    private static Composite date(String qualifier, LocalDate date) {
        return Composite.of(qualifier, date.format(DATE), "102");
    }
}
