package io.seamline.model.webhook;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A partner's subscription to events about its own objects: where they are POSTed, which types ({@code *} for all),
 * and the secret their signatures are made with.
 */
public record WebhookSubscription(
        UUID id,
        PartnerId partnerId,
        String url,
        List<String> eventTypes,
        String secret,
        boolean active,
        Instant createdAt) {

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean wants(String type) {
        return active && (eventTypes.contains("*") || eventTypes.contains(type));
    }
}
