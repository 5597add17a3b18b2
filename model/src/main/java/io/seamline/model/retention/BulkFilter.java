package io.seamline.model.retention;

import java.time.Instant;
import java.util.List;

/**
 * What a bulk operation selects: messages of a partner, channel, document type and status, received in [from, to),
 * with one of the interchange control numbers; every field optional but at least one given.
 */
public record BulkFilter(
        String partnerId,
        String channel,
        String documentType,
        String status,
        Instant from,
        Instant to,
        List<String> controlNumbers) {

    public BulkFilter {
        controlNumbers = controlNumbers == null ? List.of() : List.copyOf(controlNumbers);
    }

    public boolean empty() {
        return partnerId == null
                && channel == null
                && documentType == null
                && status == null
                && from == null
                && to == null
                && controlNumbers.isEmpty();
    }
}
