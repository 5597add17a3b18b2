package io.seamline.model.partner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A trading partner. Identifiers are kept in a canonical order (scheme, qualifier, value). {@code sla} and {@code policy} hold the overrides agreed with this partner (for instance
 * {@code commitment.maxSlipDays=3}); what is not overridden falls back to the defaults.
 */
public record Partner(
        PartnerId id,
        String name,
        PartnerRole role,
        List<PartnerIdentifier> identifiers,
        List<ChannelProfile> channels,
        Map<String, String> sla,
        Map<String, String> policy) {

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        identifiers = (identifiers == null ? List.<PartnerIdentifier>of() : identifiers)
                .stream()
                        .sorted(Comparator.comparing(PartnerIdentifier::scheme)
                                .thenComparing(PartnerIdentifier::qualifier)
                                .thenComparing(PartnerIdentifier::value))
                        .toList();
        channels = List.copyOf(channels == null ? List.of() : channels);
        sla = Map.copyOf(sla == null ? Map.of() : sla);
        policy = Map.copyOf(policy == null ? Map.of() : policy);
    }

    /** The first channel of the given kind, in the partner's order of preference. */
    /**
     * Whether the partner's AS2 agreement takes unsigned messages ({@code "acceptUnsigned": "true"} on its AS2
     * channel): then anyone who can reach our AS2 endpoint may speak for it. Off unless set explicitly.
     */
    public boolean acceptsUnsignedAs2() {
        return channel(ChannelKind.AS2)
                .map(c -> Boolean.parseBoolean(
                        c.setting(ChannelProfile.ACCEPT_UNSIGNED, "false").trim()))
                .orElse(false);
    }

    public Optional<ChannelProfile> channel(ChannelKind kind) {
        return channels.stream().filter(c -> c.kind() == kind).findFirst();
    }

    public List<PartnerIdentifier> identifiers(IdentifierScheme scheme) {
        return identifiers.stream().filter(i -> i.scheme() == scheme).toList();
    }
}
