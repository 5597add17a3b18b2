package io.seamline.mappings.edi.outbound;

import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.LoadTendered;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.outbound.OrderPlaced;
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
