package io.seamline.model.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert to the internal team about an expectation: a warning before its deadline, its breach, or its escalation
 * when the breach stays open; sent by mail or webhook ({@code channel}) to {@code target}.
 */
public record Alert(
        UUID id,
        UUID expectationId,
        Kind kind,
        Channel channel,
        String target,
        Status status,
        int attempts,
        String mediaType,
        byte[] content,
        Instant createdAt,
        Instant sentAt,
        String lastError) {

    public enum Kind {
        WARNING,
        BREACH,
        ESCALATION
    }

    public enum Channel {
        EMAIL,
        WEBHOOK
    }

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectationId, "expectationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
    }
}
