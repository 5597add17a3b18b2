package io.seamline.model.outbound;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A booking we ask a forwarder or ocean carrier for (300, IFTMIN): our shipment, its POs and references, the ports of
 * loading and discharge (UN/LOCODE) and the dates we plan.
 */
public record BookingRequested(
        String shipmentId,
        String carrierScac,
        String booking,
        List<String> poNumbers,
        String portOfLoading,
        String portOfDischarge,
        LocalDate readyDate,
        LocalDate deliveryDate)
        implements OutboundDocument {

    public BookingRequested {
        Objects.requireNonNull(shipmentId, "shipmentId");
        poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
    }

    @Override
    public String x12SetId() {
        return "300";
    }

    @Override
    public String edifactMessage() {
        return "IFTMIN";
    }
}
