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

    /** Settings that are secrets (a password for the partner's server, a hash of the partner's own). */
    public static final java.util.Set<String> SECRETS = java.util.Set.of("password");

    /** What a secret setting reads as. */
    public static final String MASK = "********";

    /** AS2 channel setting: {@code true} lets unsigned messages from the partner in (the agreement says so). */
    public static final String ACCEPT_UNSIGNED = "acceptUnsigned";

    /** The channel as shown to people and partners: secret settings masked. */
    public ChannelProfile withoutSecrets() {
        var shown = new java.util.LinkedHashMap<String, String>(settings);
        shown.replaceAll((name, value) -> SECRETS.contains(name) ? MASK : value);
        return new ChannelProfile(kind, address, shown);
    }

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
