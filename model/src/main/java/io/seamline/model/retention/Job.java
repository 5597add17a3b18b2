package io.seamline.model.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A bulk operation running in the background: what it does to what, how far it got, what failed. */
public record Job(
        UUID id,
        Kind kind,
        Map<String, Object> filter,
        Map<String, Object> options,
        Status status,
        int total,
        int done,
        int failed,
        List<String> errors,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        boolean cancelRequested) {

    public enum Kind {
        /** Inbound messages run through the flow again. */
        REPROCESS,
        /** Outbound documents sent again, with their control number or a new one. */
        RESEND,
        /** Failed deliveries tried again, to the partner's address as it is now. */
        RETRY
    }

    public enum Status {
        RUNNING,
        DONE,
        CANCELLED,
        FAILED
    }

    public Job {
        filter = Map.copyOf(filter);
        options = Map.copyOf(options);
        errors = List.copyOf(errors);
    }
}
