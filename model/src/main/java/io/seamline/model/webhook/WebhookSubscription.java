package io.seamline.model.webhook;

import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A partner's subscription to events about its own objects, or (no partner) an internal one to operational events:
 * where they are POSTed, which types ({@code *} for all), the secret their signatures are made with, and the body's
 * format (Seamline's JSON, or a Slack-compatible {@code {"text": …}}).
 */
public record WebhookSubscription(
        UUID id,
        PartnerId partnerId,
        String url,
        List<String> eventTypes,
        String secret,
        boolean active,
        Instant createdAt,
        Format format) {

    /** How an event is written in the POST body. */
    public enum Format {
        SEAMLINE,
        SLACK
    }

    /** A partner's subscription. */
    public WebhookSubscription(
            UUID id,
            PartnerId partnerId,
            String url,
            List<String> eventTypes,
            String secret,
            boolean active,
            Instant createdAt) {
        this(id, partnerId, url, eventTypes, secret, active, createdAt, Format.SEAMLINE);
    }

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        format = format == null ? Format.SEAMLINE : format;
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean internal() {
        return partnerId == null;
    }

    public boolean wants(String type) {
        return active && (eventTypes.contains("*") || eventTypes.contains(type));
    }
}
