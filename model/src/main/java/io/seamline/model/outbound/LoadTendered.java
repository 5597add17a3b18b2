package io.seamline.model.outbound;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A load tender to a carrier (204; IFTMIN for EDIFACT forwarders). */
public record LoadTendered(
        String shipmentId,
        String carrierScac,
        boolean cancellation,
        String bol,
        List<String> poNumbers,
        LocalDate pickupDate,
        String shipFrom,
        LocalDate deliveryDate,
        String shipTo)
        implements OutboundDocument {

    public LoadTendered {
        Objects.requireNonNull(shipmentId, "shipmentId");
        poNumbers = List.copyOf(poNumbers == null ? List.of() : poNumbers);
    }

    @Override
    public String x12SetId() {
        return "204";
    }

    @Override
    public String edifactMessage() {
        return "IFTMIN";
    }
}
