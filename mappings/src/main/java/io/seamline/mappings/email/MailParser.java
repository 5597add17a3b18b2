package io.seamline.mappings.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a raw MIME mail within {@link MailLimits}. Never throws for bad input: what cannot be read comes back as
 * {@link MailUnreadable} with the reason, so the mail is quarantined and the mailbox goes on.
 */
public final class MailParser {

    private static final int MAX_DEPTH = 10;
    private static final Session SESSION = Session.getInstance(new Properties());

    private MailParser() {}

    /** The outcome of reading a mail. */
    public sealed interface Result {
        record Read(ParsedMail mail) implements Result {}

        record Refused(MailUnreadable why) implements Result {}
    }

    public static Result parse(byte[] raw, MailLimits limits) {
        if (raw.length > limits.maxMailBytes()) {
            return refused(
                    MailUnreadable.Reason.TOO_LARGE,
                    "the mail has " + raw.length + " bytes; at most " + limits.maxMailBytes() + " are read");
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            var walk = new Walk(limits);
            walk.part(message, 0);
            String text = walk.plain != null ? walk.plain : walk.html != null ? HtmlText.of(walk.html) : "";
            InternetAddress from = from(message);
            return new Result.Read(new ParsedMail(
                    header(message.getMessageID()),
                    from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                    from == null ? null : oneLine(from.getPersonal()),
                    recipients(message),
                    oneLine(message.getSubject()),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    header(first(message.getHeader("In-Reply-To"))),
                    references(first(message.getHeader("References"))),
                    text.replace("\r\n", "\n"),
                    walk.attachments,
                    walk.bounce(message),
                    authenticationResults(message)));
        } catch (ZipGuard.Refused e) {
            return refused(e.reason, e.getMessage());
        } catch (MessagingException | IOException | RuntimeException e) {
            return refused(MailUnreadable.Reason.MALFORMED, "not a readable MIME message: " + e.getMessage());
        }
    }

    private static List<String> authenticationResults(MimeMessage message) throws MessagingException {
        String[] values = message.getHeader("Authentication-Results");
        if (values == null) {
            return List.of();
        }
        return java.util.Arrays.stream(values).map(MailParser::oneLine).toList();
    }

    private static Result refused(MailUnreadable.Reason reason, String detail) {
        return new Result.Refused(new MailUnreadable(reason, detail));
    }

    /** What a walk over the parts found. */
    private static final class Walk {

        private final MailLimits limits;
        private String plain;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();
        private boolean report;
        private String deliveryStatus;
        private String returnedMessageId;

        Walk(MailLimits limits) {
            this.limits = limits;
        }

        void part(Part part, int depth) throws MessagingException, IOException, ZipGuard.Refused {
            if (depth > MAX_DEPTH) {
                throw new ZipGuard.Refused(MailUnreadable.Reason.TOO_DEEP, "parts nested deeper than " + MAX_DEPTH);
            }
            if (part.isMimeType("multipart/report")) {
                report = "delivery-status"
                        .equalsIgnoreCase(new ContentType(part.getContentType()).getParameter("report-type"));
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    part(child, depth + 1);
                }
                return;
            }
            if (part.isMimeType("message/delivery-status")) {
                deliveryStatus = text(part.getInputStream());
                return;
            }
            if (report && (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822"))) {
                var headers = new InternetHeaders(part.getInputStream());
                returnedMessageId = header(headers.getHeader("Message-ID", null));
                return;
            }
            String fileName = fileName(part);
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
            if (!attached && part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
                return;
            }
            if (!attached && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
                return;
            }
            if (!attached && part.isMimeType("text/*")) {
                return;
            }
            attach(part, fileName);
        }

        private void attach(Part part, String fileName) throws MessagingException, IOException, ZipGuard.Refused {
            byte[] content = bounded(part.getInputStream(), fileName);
            var attachment = new Attachment(
                    fileName == null ? "attachment" : fileName,
                    new ContentType(part.getContentType()).getBaseType(),
                    content);
            if (attachment.isZip()) {
                for (Attachment file : ZipGuard.expand(attachment, limits)) {
                    add(file);
                }
            } else {
                add(attachment);
            }
        }

        private void add(Attachment attachment) throws ZipGuard.Refused {
            if (attachments.size() >= limits.maxAttachments()) {
                throw new ZipGuard.Refused(
                        MailUnreadable.Reason.TOO_MANY_ATTACHMENTS,
                        "more than " + limits.maxAttachments() + " attachments");
            }
            if (attachment.content().length > limits.maxAttachmentBytes()) {
                throw new ZipGuard.Refused(
                        MailUnreadable.Reason.ATTACHMENT_TOO_LARGE,
                        attachment.fileName() + " is larger than " + limits.maxAttachmentBytes() + " bytes");
            }
            attachments.add(attachment);
        }

        private byte[] bounded(InputStream in, String name) throws IOException, ZipGuard.Refused {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxAttachmentBytes() + 1));
            if (content.length > limits.maxAttachmentBytes()) {
                throw new ZipGuard.Refused(
                        MailUnreadable.Reason.ATTACHMENT_TOO_LARGE,
                        (name == null ? "an attachment" : name) + " is larger than " + limits.maxAttachmentBytes()
                                + " bytes");
            }
            return content;
        }

        Bounce bounce(Message message) throws MessagingException {
            if (!report && deliveryStatus == null) {
                return null;
            }
            String status = field(deliveryStatus, "Status");
            String recipient = field(deliveryStatus, "Final-Recipient");
            if (recipient != null && recipient.contains(";")) {
                recipient = recipient.substring(recipient.indexOf(';') + 1).trim();
            }
            String diagnostic = field(deliveryStatus, "Diagnostic-Code");
            String original =
                    returnedMessageId != null ? returnedMessageId : header(first(message.getHeader("In-Reply-To")));
            return new Bounce(original, recipient, status, diagnostic);
        }
    }

    private static String field(String block, String name) {
        if (block == null) {
            return null;
        }
        for (String line : block.split("\r?\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return oneLine(line.substring(name.length() + 1).trim());
            }
        }
        return null;
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : oneLine(MimeUtility.decodeText(name));
        } catch (MessagingException | IOException e) {
            return "attachment";
        }
    }

    private static InternetAddress from(MimeMessage message) {
        try {
            var from = message.getFrom();
            return from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) ? null : address;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : Arrays.stream(to)
                            .filter(a -> a instanceof InternetAddress)
                            .map(a -> ((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT))
                            .toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static List<String> references(String header) {
        if (header == null) {
            return List.of();
        }
        var ids = new ArrayList<String>();
        for (String id : oneLine(header).split("\\s+")) {
            if (id.startsWith("<") && id.endsWith(">")) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String header(String value) {
        return value == null ? null : oneLine(value).trim();
    }

    /** Header values never carry a line break onward. */
    static String oneLine(String value) {
        return value == null ? null : value.replaceAll("[\r\n]+", " ").trim();
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static InternetAddress address(String text) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + text, e);
        }
    }
}
