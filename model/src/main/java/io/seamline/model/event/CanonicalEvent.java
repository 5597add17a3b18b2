package io.seamline.model.event;

import io.seamline.model.message.Channel;
import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope around one canonical fact. {@code source} names where it came from (for instance
 * {@code /partners/acme-supply/edi}); {@code partner}, {@code message} and {@code channel} are the Seamline
 * extension attributes {@code seamlinepartner}, {@code seamlinemessage} and {@code seamlinechannel}.
 */
public record CanonicalEvent(
        String id, String source, Instant time, PartnerId partner, MessageId message, Channel channel, EventData data) {

    public static final String SPEC_VERSION = "1.0";

    public CanonicalEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(data, "data");
    }

    public String type() {
        return data.type();
    }

    public String subject() {
        return data.subject();
    }
}
