package io.seamline.coordination.steps;

import io.seamline.model.Subject;
import io.seamline.model.message.MessageId;
import io.seamline.model.outbound.OutboundDocument;
import io.seamline.model.partner.PartnerId;
import java.util.Map;
import java.util.Objects;

/**
 * A business answer to a partner, in two forms: the EDI {@code document} for partners on EDI channels, and the
 * {@code notice} (JSON fields, with a {@code type}) for partners on webhooks or in the portal. {@code answers} is
 * the inbound message it answers, if any.
 */
public record Response(
        PartnerId partner,
        Subject subject,
        OutboundDocument document,
        Map<String, Object> notice,
        String summary,
        MessageId answers,
        String stepKey) {

    public Response {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stepKey, "stepKey");
        if (!notice.containsKey("type")) {
            throw new IllegalArgumentException("a notice needs a type");
        }
    }

    /** The number of an application advice (824/APERAK) we send for a step: the same for the same step, every time. */
    public static String adviceNumber(String step) {
        return "SL" + Integer.toUnsignedString(step.hashCode(), 36).toUpperCase(java.util.Locale.ROOT);
    }
}
