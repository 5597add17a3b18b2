package io.seamline.model.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What arrived for one PO, as the ERP's goods receipt says: per PO line the quantity received and how much of it was
 * rejected (damaged, wrong item) with the reason. {@code shipmentId} names the shipment it came on, when the ERP
 * knows it. Applied once per {@code receiptId}.
 */
public record GoodsReceipt(
        String receiptId, PurchaseOrderNumber poNumber, Instant receivedAt, String shipmentId, List<Line> lines) {

    public GoodsReceipt {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(receivedAt, "receivedAt");
        lines = List.copyOf(lines);
    }

    /** One PO line's receipt; {@code accepted()} is what counts as received. */
    public record Line(String lineNumber, BigDecimal quantity, BigDecimal rejectedQuantity, String reason) {

        public Line {
            Objects.requireNonNull(lineNumber, "lineNumber");
            Objects.requireNonNull(quantity, "quantity");
            rejectedQuantity = rejectedQuantity == null ? BigDecimal.ZERO : rejectedQuantity;
        }

        public BigDecimal accepted() {
            return quantity.subtract(rejectedQuantity).max(BigDecimal.ZERO);
        }
    }
}
