package io.seamline.model.timeline;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step in a subject's history. {@code actor} is {@code system}, a user name or {@code partner:<id>};
 * {@code details} carries the specifics (a DECISION: {@code rule}, {@code ruleVersion}, {@code inputs},
 * {@code outcome}, {@code rationale}). Entries that are not {@code partnerVisible} are shown to internal users only.
 */
public record TimelineEntry(
        long id,
        Subject subject,
        Instant at,
        TimelineKind kind,
        String summary,
        String actor,
        Map<String, Object> details,
        boolean partnerVisible,
        MessageId messageId) {

    public TimelineEntry {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(actor, "actor");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
