package io.seamline.model.event;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** {@code document.received}: a file a partner sent along (proof of delivery, commercial invoice, packing list). */
public record DocumentReceived(
        DocumentType documentType, String fileName, String mediaType, Map<String, String> references)
        implements EventData {

    public static final String TYPE = EventData.type("document.received");

    public DocumentReceived {
        references = references == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(references));
    }

    public enum DocumentType {
        POD,
        COMMERCIAL_INVOICE,
        PACKING_LIST,
        OTHER
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
        return references.containsKey("poNumber") ? "po/" + references.get("poNumber") : null;
    }
}
