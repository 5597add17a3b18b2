package io.seamline.model.event;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * {@code booking.confirmed}: a forwarder's or ocean carrier's answer to our booking (301, IFTMBC, the API): whether
 * it is CONFIRMED as asked, CHANGED or DECLINED, with the vessel and voyage, the ports of loading and discharge
 * (UN/LOCODE), the ETD and ETA, and the containers.
 */
public record BookingConfirmed(
        String bookingNumber,
        String shipmentId,
        Decision decision,
        String vessel,
        String voyage,
        String portOfLoading,
        String portOfDischarge,
        LocalDateTime etd,
        LocalDateTime eta,
        List<String> containers,
        List<String> poNumbers,
        String carrierScac)
        implements EventData {

    public static final String TYPE = EventData.type("booking.confirmed");

    public BookingConfirmed {
        containers = List.copyOf(containers == null ? List.of() : containers);
        poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
    }

    public enum Decision {
        CONFIRMED,
        CHANGED,
        DECLINED
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> purchaseOrders() {
        return PurchaseOrders.of(poNumbers.stream());
    }

    @Override
    public String subject() {
        return shipmentId != null ? "shipment/" + shipmentId : null;
    }
}
