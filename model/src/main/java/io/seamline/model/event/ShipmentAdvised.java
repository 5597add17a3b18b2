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
        List<Line> lines,
        String note)
        implements EventData {

    public static final String TYPE = EventData.type("shipment.notice");

    public ShipmentAdvised {
        references = references == null ? new References(null, null, null, null, null) : references;
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    /** A notice without free text. */
    public ShipmentAdvised(
            String shipmentId,
            LocalDate shipDate,
            LocalDate estimatedDelivery,
            String carrierScac,
            References references,
            List<Line> lines) {
        this(shipmentId, shipDate, estimatedDelivery, carrierScac, references, lines, null);
    }

    public record References(String bol, String pro, String container, String awb, String booking) {}

    /**
     * {@code itemIds} are every identity the line sent (qualifier and value); {@code lot} and {@code serials} the
     * batch and serial numbers among them or in the line's own segments; {@code note} the line's free text.
     */
    public record Line(
            String poNumber,
            String lineNumber,
            String itemId,
            BigDecimal quantity,
            String unit,
            String partnerItemId,
            List<ItemId> itemIds,
            String lot,
            List<String> serials,
            String note) {

        public Line {
            itemIds = ItemId.copy(itemIds);
            serials = serials == null ? List.of() : List.copyOf(serials);
        }

        public Line(
                String poNumber,
                String lineNumber,
                String itemId,
                BigDecimal quantity,
                String unit,
                String partnerItemId) {
            this(poNumber, lineNumber, itemId, quantity, unit, partnerItemId, List.of(), null, List.of(), null);
        }
    }

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
