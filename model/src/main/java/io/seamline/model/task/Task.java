package io.seamline.model.task;

import io.seamline.model.Subject;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of human work about a subject. {@code context} is what the person needs to decide (the inputs the
 * policy saw), {@code suggestions} what the gateway proposes, best first.
 */
public record Task(
        TaskId id,
        TaskKind kind,
        Subject subject,
        PartnerId partnerId,
        TaskStatus status,
        String summary,
        Map<String, Object> context,
        List<Map<String, Object>> suggestions,
        Instant createdAt,
        Instant dueAt,
        Decision decision,
        String decidedBy,
        String comment,
        Instant decidedAt) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(createdAt, "createdAt");
        context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** The same task, due at {@code due}. */
    public Task withDueAt(Instant due) {
        return new Task(
                id,
                kind,
                subject,
                partnerId,
                status,
                summary,
                context,
                suggestions,
                createdAt,
                due,
                decision,
                decidedBy,
                comment,
                decidedAt);
    }
}
