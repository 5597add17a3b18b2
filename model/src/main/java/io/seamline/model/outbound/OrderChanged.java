package io.seamline.model.outbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Changes to a purchase order we tell the supplier about (860, ORDCHG), for instance the dates and quantities we
 * accepted from its acknowledgement, or lines we cancel.
 */
public record OrderChanged(String poNumber, LocalDate orderDate, LocalDate changeDate, List<Line> lines, String note)
        implements OutboundDocument {

    public OrderChanged {
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(changeDate, "changeDate");
        lines = List.copyOf(lines);
    }

    public enum Change {
        /** Date, quantity or price changed on the line. */
        CHANGED,
        QUANTITY_INCREASED,
        QUANTITY_DECREASED,
        CANCELLED,
        ADDED
    }

    public record Line(
            String lineNumber,
            Change change,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            LocalDate date) {}

    @Override
    public String x12SetId() {
        return "860";
    }

    @Override
    public String edifactMessage() {
        return "ORDCHG";
    }
}
