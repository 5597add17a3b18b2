package io.seamline.mappings.edi.edifact;

import io.seamline.model.event.ShipmentStatusReported.TransportStatus;
import java.util.Locale;

/** Classifies a carrier's status text (Rail departed, Out for delivery, Delayed at port …) by its words. */
public final class StatusDescriptions {

    private StatusDescriptions() {}

    public static TransportStatus classify(String description) {
        if (description == null) {
            return TransportStatus.OTHER;
        }
        String d = description.toLowerCase(Locale.ROOT);
        if (d.contains("delay")) {
            return TransportStatus.DELAYED;
        }
        if (d.contains("deliver")) {
            return TransportStatus.DELIVERED;
        }
        if (d.contains("arriv") || d.contains("discharg")) {
            return TransportStatus.ARRIVED;
        }
        if (d.contains("pick") || d.contains("collect") || d.contains("gate in")) {
            return TransportStatus.PICKED_UP;
        }
        if (d.contains("estimate") || d.contains("eta")) {
            return TransportStatus.ETA_UPDATED;
        }
        if (d.contains("depart") || d.contains("transit") || d.contains("loaded") || d.contains("sail")) {
            return TransportStatus.IN_TRANSIT;
        }
        return TransportStatus.OTHER;
    }
}
