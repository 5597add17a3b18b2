package io.seamline.model.event;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** {@code shipment.status}: where a shipment is (214, IFTSTA, API, email). */
public record ShipmentStatusReported(
        References references,
        String carrierScac,
        TransportStatus status,
        String partnerStatusCode,
        String reasonCode,
        LocalDateTime eventTime,
        LocalDateTime estimatedDelivery,
        Location location)
        implements EventData {

    public static final String TYPE = EventData.type("shipment.status");

    public ShipmentStatusReported {
        references = references == null ? new References(null, null, null, null, List.of()) : references;
    }

    public enum TransportStatus {
        PICKED_UP,
        IN_TRANSIT,
        DELAYED,
        ARRIVED,
        DELIVERED,
        ETA_UPDATED,
        EXCEPTION,
        OTHER
    }

    public record References(String pro, String bol, String shipmentId, String container, List<String> poNumbers) {
        public References {
            poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
        }
    }

    public record Location(String city, String region, String country, String unlocode) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> purchaseOrders() {
        return PurchaseOrders.of(references.poNumbers().stream());
    }

    @Override
    public String subject() {
        if (references.shipmentId() != null) {
            return "shipment/" + references.shipmentId();
        }
        return references.pro() != null ? "pro/" + references.pro() : null;
    }
}
