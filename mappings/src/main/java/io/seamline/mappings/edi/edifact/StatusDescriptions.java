package io.seamline.mappings.edi.edifact;

import io.seamline.model.event.ShipmentStatusReported.Milestone;
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

    /**
     * The ocean or air milestone a status text names (Loaded on vessel, Vessel departed, Discharged, Gate in …), or
     * null when it names none.
     */
    public static Milestone milestone(String description) {
        if (description == null) {
            return null;
        }
        String d = description.toLowerCase(Locale.ROOT).replace('-', ' ');
        if (d.contains("empty") && d.contains("return")) {
            return Milestone.EMPTY_RETURNED;
        }
        if (d.contains("gate in") || d.contains("gated in")) {
            return Milestone.GATE_IN;
        }
        if (d.contains("gate out") || d.contains("gated out")) {
            return Milestone.GATE_OUT;
        }
        if (d.contains("customs") && d.contains("releas")) {
            return Milestone.CUSTOMS_RELEASED;
        }
        if (d.contains("discharg") || d.contains("unload")) {
            return Milestone.DISCHARGED;
        }
        if (d.contains("available")) {
            return Milestone.AVAILABLE;
        }
        if (d.contains("deliver")) {
            return Milestone.DELIVERED;
        }
        if (d.contains("loaded")) {
            return Milestone.LOADED;
        }
        if (d.contains("depart") || d.contains("sail")) {
            return Milestone.DEPARTED;
        }
        if (d.contains("arriv") || d.contains("berth")) {
            return Milestone.ARRIVED;
        }
        return null;
    }
}
