package io.seamline.mappings.email;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail as read: who sent it (address in lower case), the thread headers, its text (the plain part, or the HTML part
 * reduced to text), its attachments (zips unpacked), and, for a delivery report, what bounced; the
 * {@code Authentication-Results} headers it carries, topmost (added last, by our own mail server) first. Header values
 * have no CR or LF left in them.
 */
public record ParsedMail(
        String messageId,
        String from,
        String fromName,
        List<String> to,
        String subject,
        Instant date,
        String inReplyTo,
        List<String> references,
        String text,
        List<Attachment> attachments,
        Bounce bounce,
        List<String> authenticationResults) {

    public ParsedMail {
        Objects.requireNonNull(text, "text");
        to = List.copyOf(to);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        authenticationResults = List.copyOf(authenticationResults == null ? List.of() : authenticationResults);
        subject = subject == null ? "" : subject;
    }

    public String fromDomain() {
        return from == null || from.indexOf('@') < 0 ? null : from.substring(from.indexOf('@') + 1);
    }
}
