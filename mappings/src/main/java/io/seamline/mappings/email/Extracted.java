package io.seamline.mappings.email;

import io.seamline.model.event.EventData;
import java.util.List;
import java.util.Map;

/**
 * What a mail's text said: the canonical events, one sentence per statement understood (for the reply), what was
 * ambiguous (never guessed), and the references it names (for attached documents).
 */
public record Extracted(
        List<EventData> events, List<String> understood, List<String> ambiguous, Map<String, String> references) {

    public Extracted {
        events = List.copyOf(events);
        understood = List.copyOf(understood);
        ambiguous = List.copyOf(ambiguous);
        references = Map.copyOf(references);
    }

    public boolean nothing() {
        return events.isEmpty() && ambiguous.isEmpty();
    }
}
