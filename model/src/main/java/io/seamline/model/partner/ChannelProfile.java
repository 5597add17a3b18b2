package io.seamline.model.partner;

import java.util.Map;
import java.util.Objects;

/**
 * How we answer a partner on one channel: the address (URL, folder, mailbox) and channel settings such as
 * {@code standard=X12}, {@code version=004010}, {@code functionalAck=999} or {@code as2To=ACME}.
 */
public record ChannelProfile(ChannelKind kind, String address, Map<String, String> settings) {

    public ChannelProfile {
        Objects.requireNonNull(kind, "kind");
        address = address == null ? "" : address.trim();
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
