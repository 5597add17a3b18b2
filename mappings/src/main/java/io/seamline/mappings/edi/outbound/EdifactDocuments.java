package io.seamline.mappings.edi.outbound;

import io.seamline.mappings.edi.outbound.EdiWriter.Composite;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.outbound.OrderPlaced;
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
