package io.seamline.model.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@code shipment.notice}: an advance ship notice (856, DESADV, portal, API). */
public record ShipmentAdvised(
        String shipmentId,
        LocalDate shipDate,
        LocalDate estimatedDelivery,
        String carrierScac,
        References references,
        List<Line> lines)
        implements EventData {

    public static final String TYPE = EventData.type("shipment.notice");

    public ShipmentAdvised {
        references = references == null ? new References(null, null, null, null, null) : references;
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    public record References(String bol, String pro, String container, String awb, String booking) {}

    public record Line(
            String poNumber,
            String lineNumber,
            String itemId,
            BigDecimal quantity,
            String unit,
            String partnerItemId) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> purchaseOrders() {
        return PurchaseOrders.of(lines.stream().map(Line::poNumber));
    }

    @Override
    public String subject() {
        return shipmentId == null ? null : "shipment/" + shipmentId;
    }
}
