package io.seamline.model.event;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code customs.status}: a customs entry's state from the broker (CUSRES, 350, SOAP, API, email). */
public record CustomsStatusReported(
        String entryNumber,
        Map<String, String> references,
        Status status,
        String reason,
        List<String> documentsRequested)
        implements EventData {

    public static final String TYPE = EventData.type("customs.status");

    public CustomsStatusReported {
        references = references == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(references));
        documentsRequested = List.copyOf(documentsRequested == null ? List.of() : documentsRequested);
    }

    public enum Status {
        FILED,
        HOLD,
        RELEASED,
        REJECTED
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        if (references.containsKey("shipmentId")) {
            return "shipment/" + references.get("shipmentId");
        }
        return entryNumber == null ? null : "entry/" + entryNumber;
    }
}
