package io.seamline.model.event;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * {@code shipment.status}: where a shipment is (214, 315, IFTSTA, API, email). {@code milestone} is the ocean or air
 * milestone when the carrier reports one (315 B4-03, IFTSTA), with the {@code vessel} and {@code voyage} it names; a
 * truck's status has none.
 */
public record ShipmentStatusReported(
        References references,
        String carrierScac,
        TransportStatus status,
        String partnerStatusCode,
        String reasonCode,
        LocalDateTime eventTime,
        LocalDateTime estimatedDelivery,
        Location location,
        Milestone milestone,
        String vessel,
        String voyage)
        implements EventData {

    public static final String TYPE = EventData.type("shipment.status");

    public ShipmentStatusReported {
        references = references == null ? new References(null, null, null, null, List.of(), null) : references;
    }

    /** A status without a milestone (trucks, the API's plain statuses). */
    public ShipmentStatusReported(
            References references,
            String carrierScac,
            TransportStatus status,
            String partnerStatusCode,
            String reasonCode,
            LocalDateTime eventTime,
            LocalDateTime estimatedDelivery,
            Location location) {
        this(
                references,
                carrierScac,
                status,
                partnerStatusCode,
                reasonCode,
                eventTime,
                estimatedDelivery,
                location,
                null,
                null,
                null);
    }

    /** Where a container or consignment is in an ocean or air move. */
    public enum Milestone {
        LOADED,
        DEPARTED,
        ARRIVED,
        DISCHARGED,
        GATE_IN,
        GATE_OUT,
        CUSTOMS_RELEASED,
        AVAILABLE,
        DELIVERED,
        EMPTY_RETURNED,
        OTHER;

        /**
         * The shipment status a milestone means: loaded or departed is in transit, arrived, discharged or available
         * is arrived, delivered is delivered. A gate move, a customs release or the empty's return says nothing the
         * status does not already (a gate is at either end; the empty returns after delivery).
         */
        public TransportStatus status() {
            return switch (this) {
                case LOADED, DEPARTED -> TransportStatus.IN_TRANSIT;
                case ARRIVED, DISCHARGED, AVAILABLE -> TransportStatus.ARRIVED;
                case DELIVERED -> TransportStatus.DELIVERED;
                case GATE_IN, GATE_OUT, CUSTOMS_RELEASED, EMPTY_RETURNED, OTHER -> TransportStatus.OTHER;
            };
        }
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

    public record References(
            String pro, String bol, String shipmentId, String container, List<String> poNumbers, String booking) {
        public References {
            poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
        }

        public References(String pro, String bol, String shipmentId, String container, List<String> poNumbers) {
            this(pro, bol, shipmentId, container, poNumbers, null);
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
