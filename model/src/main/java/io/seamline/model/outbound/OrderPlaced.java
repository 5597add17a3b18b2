package io.seamline.model.outbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A purchase order as we send it to the supplier (850, ORDERS). */
public record OrderPlaced(String poNumber, LocalDate orderDate, String currency, List<Line> lines)
        implements OutboundDocument {

    public OrderPlaced {
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(orderDate, "orderDate");
        lines = List.copyOf(lines);
    }

    public record Line(
            String lineNumber,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            LocalDate needByDate) {}

    @Override
    public String x12SetId() {
        return "850";
    }

    @Override
    public String edifactMessage() {
        return "ORDERS";
    }
}
