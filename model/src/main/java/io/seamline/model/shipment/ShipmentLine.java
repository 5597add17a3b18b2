package io.seamline.model.shipment;

import io.seamline.model.Decimals;
import io.seamline.model.order.PurchaseOrderNumber;
import java.math.BigDecimal;
import java.util.Objects;

/** What a shipment carries of one purchase order line. */
public record ShipmentLine(PurchaseOrderNumber poNumber, String lineNumber, BigDecimal quantity, String unit) {

    public ShipmentLine {
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(lineNumber, "lineNumber");
        quantity = Decimals.canonical(Objects.requireNonNull(quantity, "quantity"));
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("a shipped quantity cannot be negative");
        }
    }
}
