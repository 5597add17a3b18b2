package io.seamline.model.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One event on its way to one subscription: PENDING (retried with backoff), DELIVERED, or DEAD after its attempts. */
public record WebhookDelivery(
        UUID id,
        UUID subscriptionId,
        String eventId,
        String eventType,
        byte[] payload,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(status, "status");
    }
}
