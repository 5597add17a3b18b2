package io.seamline.coordination.respond;

import io.seamline.adapters.delivery.DeliverySettings;
import io.seamline.mappings.edi.Standard;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.Partner;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How a partner is answered: over which channel, to which target (a folder or a URL), and for EDI in which
 * standard and version. SFTP and AS2 answers wait in the partner's outbox folder, where those transports pick
 * them up; a FILE channel names its own folder.
 */
record AnswerChannel(ChannelKind kind, String target, Standard standard, String version) {

    /** Channels that carry EDI. */
    static final Set<ChannelKind> EDI =
            EnumSet.of(ChannelKind.AS2, ChannelKind.SFTP, ChannelKind.FILE, ChannelKind.HTTP);

    public boolean edi() {
        return standard != null;
    }

    /** Where an EDI answer (an acknowledgement) goes: the first EDI channel, else the portal/API for pick-up. */
    public static AnswerChannel forEdi(Partner partner, DeliverySettings folders) {
        return partner.channels().stream()
                .filter(c -> EDI.contains(c.kind()))
                .findFirst()
                .map(c -> edi(partner, c, folders))
                .orElse(new AnswerChannel(ChannelKind.PORTAL, "portal", standardOf(partner, null), null));
    }

    /**
     * Where a business answer goes: the partner's first channel we can answer on, in its order of preference (EDI
     * channels with their standard, a webhook, e-mail, the portal).
     */
    public static AnswerChannel forBusiness(Partner partner, DeliverySettings folders) {
        for (ChannelProfile channel : partner.channels()) {
            if (EDI.contains(channel.kind())) {
                AnswerChannel edi = edi(partner, channel, folders);
                if (edi.edi()) {
                    return edi;
                }
            } else if (channel.kind() == ChannelKind.WEBHOOK
                    && !channel.address().isEmpty()) {
                return new AnswerChannel(ChannelKind.WEBHOOK, channel.address(), null, null);
            } else if (channel.kind() == ChannelKind.EMAIL && !channel.address().isEmpty()) {
                return new AnswerChannel(ChannelKind.EMAIL, channel.address(), null, null);
            } else if (channel.kind() == ChannelKind.PORTAL) {
                return new AnswerChannel(ChannelKind.PORTAL, "portal", null, null);
            }
        }
        return new AnswerChannel(ChannelKind.PORTAL, "portal", null, null);
    }

    /** Where a notice with no EDI form goes: the partner's first webhook, e-mail or portal channel, else the portal. */
    public static AnswerChannel forNotice(Partner partner) {
        for (ChannelProfile channel : partner.channels()) {
            if (channel.kind() == ChannelKind.WEBHOOK && !channel.address().isEmpty()) {
                return new AnswerChannel(ChannelKind.WEBHOOK, channel.address(), null, null);
            } else if (channel.kind() == ChannelKind.EMAIL && !channel.address().isEmpty()) {
                return new AnswerChannel(ChannelKind.EMAIL, channel.address(), null, null);
            } else if (channel.kind() == ChannelKind.PORTAL) {
                break;
            }
        }
        return new AnswerChannel(ChannelKind.PORTAL, "portal", null, null);
    }

    private static AnswerChannel edi(Partner partner, ChannelProfile channel, DeliverySettings folders) {
        String target =
                switch (channel.kind()) {
                    case FILE, HTTP -> channel.address();
                        // AS2 to the partner's URL, unless another AS2 server takes our files from the outbox folder
                    case AS2 -> "folder".equalsIgnoreCase(channel.setting("delivery", "as2"))
                            ? folders.outbox().resolve(partner.id().value()).toString()
                            : channel.address();
                        // SFTP: written to the partner's own server (push), or left in its folder on ours for pick-up
                    case SFTP -> "push".equalsIgnoreCase(channel.setting("mode", "pull"))
                            ? channel.address()
                            : folders.outgoingFolder(partner.id().value()).toString();
                    default -> folders.outbox().resolve(partner.id().value()).toString();
                };
        Standard standard = standardOf(partner, channel.settings().get("standard"));
        return new AnswerChannel(
                channel.kind(), target, standard, version(channel.settings().get("version")));
    }

    private static Standard standardOf(Partner partner, String declared) {
        if (declared != null) {
            return Optional.of(declared.trim().toUpperCase(java.util.Locale.ROOT))
                    .filter(s -> s.equals("X12") || s.equals("EDIFACT"))
                    .map(Standard::valueOf)
                    .orElse(null);
        }
        if (!partner.identifiers(IdentifierScheme.X12).isEmpty()) {
            return Standard.X12;
        }
        if (!partner.identifiers(IdentifierScheme.EDIFACT).isEmpty()
                || !partner.identifiers(IdentifierScheme.GLN).isEmpty()) {
            return Standard.EDIFACT;
        }
        return null;
    }

    /** EDIFACT directories are written {@code D96A} in profiles and {@code D:96A} by the renderer. */
    private static String version(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String v = declared.trim().toUpperCase(java.util.Locale.ROOT);
        return v.matches("D\\d{2}[A-Z]") ? "D:" + v.substring(1) : v;
    }
}
