package io.seamline.mappings.edi;

import io.seamline.model.event.EventData;
import java.util.List;

/**
 * One transaction set or message, read: where it sat, how it came out, the canonical events it became (none unless
 * it was accepted) and every defect found in it.
 */
public record SetResult(
        Envelope interchange,
        GroupHeader group,
        String setId,
        String controlNumber,
        String version,
        int segmentCount,
        SetStatus status,
        List<EventData> events,
        List<Defect> defects) {

    public SetResult {
        events = List.copyOf(events);
        defects = List.copyOf(defects);
        if (!status.producesEvents() && !events.isEmpty()) {
            throw new IllegalArgumentException("a set that is " + status + " produces no events");
        }
    }

    public SetAck ack() {
        return new SetAck(setId, controlNumber, version, status, defects);
    }
}
