package io.seamline.model.outbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What we received of a supplier's goods (861, RECADV): per PO line what was accepted and what was rejected, and why.
 */
public record ReceiptAdvised(
        String receiptId, String poNumber, LocalDate receivedOn, String shipmentId, List<Line> lines)
        implements OutboundDocument {

    public ReceiptAdvised {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(poNumber, "poNumber");
        lines = List.copyOf(lines);
    }

    public record Line(
            String lineNumber,
            String itemId,
            String partnerItemId,
            String unit,
            BigDecimal accepted,
            BigDecimal rejected,
            String reason) {}

    @Override
    public String x12SetId() {
        return "861";
    }

    @Override
    public String edifactMessage() {
        return "RECADV";
    }
}
