package io.seamline.model.order;

import io.seamline.model.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a purchase order: what we ordered from the ERP, what the supplier promised, and what was shipped,
 * received and invoiced against it. Line numbers are strings, as partners send them. {@code category} is the
 * ERP's optional item category, which decision policies can be tuned by.
 */
public record PurchaseOrderLine(
        String lineNumber,
        String itemId,
        String partnerItemId,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        LocalDate needByDate,
        BigDecimal promisedQuantity,
        LocalDate promisedDate,
        BigDecimal shippedQuantity,
        BigDecimal receivedQuantity,
        BigDecimal invoicedQuantity,
        LineStatus status,
        String category) {

    public PurchaseOrderLine {
        Objects.requireNonNull(lineNumber, "lineNumber");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(needByDate, "needByDate");
        if (quantity.signum() < 0 || unitPrice.signum() < 0) {
            throw new IllegalArgumentException("line " + lineNumber + ": quantity and price cannot be negative");
        }
        quantity = Decimals.canonical(quantity);
        unitPrice = Decimals.canonical(unitPrice);
        promisedQuantity = Decimals.canonical(promisedQuantity);
        shippedQuantity = Decimals.canonical(orZero(shippedQuantity));
        receivedQuantity = Decimals.canonical(orZero(receivedQuantity));
        invoicedQuantity = Decimals.canonical(orZero(invoicedQuantity));
        status = status == null ? LineStatus.OPEN : status;
        category = category == null || category.isBlank() ? null : category.trim();
    }

    /** A line as the ERP orders it: nothing promised, shipped or invoiced yet. */
    public static PurchaseOrderLine ordered(
            String lineNumber,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            LocalDate needByDate) {
        return ordered(lineNumber, itemId, partnerItemId, quantity, unit, unitPrice, needByDate, null);
    }

    /** A line as the ERP orders it, in an item category that policies may treat apart. */
    public static PurchaseOrderLine ordered(
            String lineNumber,
            String itemId,
            String partnerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            LocalDate needByDate,
            String category) {
        return new PurchaseOrderLine(
                lineNumber,
                itemId,
                partnerItemId,
                quantity,
                unit,
                unitPrice,
                needByDate,
                null,
                null,
                null,
                null,
                null,
                LineStatus.OPEN,
                category);
    }

    /** Quantity still to ship. */
    public BigDecimal openQuantity() {
        return quantity.subtract(shippedQuantity).max(BigDecimal.ZERO);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
