package io.seamline.mappings.email;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail we send: to whom, in which thread ({@code inReplyTo} and {@code references} of the partner's mail, the
 * subject kept with "Re:"), under which Message-ID, and its text.
 */
public record OutgoingMail(
        String from,
        String to,
        String subject,
        String messageId,
        String inReplyTo,
        List<String> references,
        Instant date,
        String text) {

    public OutgoingMail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        references = List.copyOf(references == null ? List.of() : references);
    }

    /** The subject of a reply: the partner's subject with one "Re: " in front. */
    public static String replySubject(String subject) {
        String s = subject == null ? "" : subject.trim();
        return s.regionMatches(true, 0, "re:", 0, 3) ? s : "Re: " + s;
    }
}
