package io.seamline.mappings.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Writes an {@link OutgoingMail} as MIME: plain UTF-8 text, thread headers set. A CR or LF in any value that goes
 * into a header is refused (header injection), whatever the value came from.
 */
public final class MailComposer {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailComposer() {}

    public static byte[] compose(OutgoingMail mail) {
        List<String> references = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null && !references.contains(mail.inReplyTo())) {
            references.add(mail.inReplyTo());
        }
        for (String value : headerValues(mail, references)) {
            if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("a line break in a mail header value: " + value.strip());
            }
        }
        try {
            var message = new Identified(mail.messageId());
            message.setFrom(MailParser.address(mail.from()));
            message.setRecipient(Message.RecipientType.TO, MailParser.address(mail.to()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(mail.date()));
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
            }
            if (!references.isEmpty()) {
                message.setHeader("References", String.join(" ", references));
            }
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.saveChanges();
            var out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write mail " + mail.messageId(), e);
        }
    }

    private static List<String> headerValues(OutgoingMail mail, List<String> references) {
        var values = new ArrayList<String>(references);
        values.add(mail.from());
        values.add(mail.to());
        values.add(mail.subject());
        values.add(mail.messageId());
        values.add(mail.inReplyTo());
        return values;
    }

    /** A message that keeps the Message-ID we give it (JavaMail would make one up on save). */
    private static final class Identified extends MimeMessage {
        private final String id;

        Identified(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
