package io.seamline.mappings.as2;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Message Disposition Notifications (RFC 4130 7.4, RFC 8098): composed by the receiver — a {@code multipart/report}
 * with a human-readable part and the machine-readable {@code message/disposition-notification}, signed when the
 * sender asked — and read by the sender, whose signature it checks like any signed message.
 */
public final class Mdn {

    private Mdn() {}

    /** What an MDN says. {@code mic} is {@code base64, sha-256}, or null when none was computed. */
    public record Receipt(String originalMessageId, Disposition disposition, String mic, String text) {}

    /** An MDN ready for HTTP: its Content-Type and body. */
    public record Composed(String contentType, byte[] body) {}

    /** A read MDN: what it says, whether it was signed, and by whom (checked against the partner's certificates). */
    public sealed interface Read {}

    public record Valid(Receipt receipt, boolean signed, X509Certificate signer) implements Read {}

    public record Invalid(String reason) implements Read {}

    /**
     * Composes an MDN from us ({@code reportingAs2Id}) about a partner's message; signed with {@code signWith} (our
     * key) using {@code micAlgorithm} when it is not null.
     */
    public static Composed compose(
            String reportingAs2Id, Receipt receipt, KeyEntry signWith, MicAlgorithm micAlgorithm) {
        try {
            var report = new MimeMultipart("report; report-type=disposition-notification");
            var text = new MimeBodyPart();
            text.setText(receipt.text() == null ? describe(receipt.disposition()) : receipt.text(), "us-ascii");
            text.setHeader("Content-Type", "text/plain; charset=us-ascii");
            text.setHeader("Content-Transfer-Encoding", "7bit");
            report.addBodyPart(text);
            var fields = new StringBuilder();
            fields.append("Reporting-UA: Seamline\r\n");
            fields.append("Original-Recipient: rfc822; ").append(reportingAs2Id).append("\r\n");
            fields.append("Final-Recipient: rfc822; ").append(reportingAs2Id).append("\r\n");
            fields.append("Original-Message-ID: ")
                    .append(receipt.originalMessageId())
                    .append("\r\n");
            fields.append("Disposition: ").append(receipt.disposition().field()).append("\r\n");
            if (receipt.mic() != null) {
                fields.append("Received-Content-MIC: ").append(receipt.mic()).append("\r\n");
            }
            var notification = new MimeBodyPart();
            notification.setContent(fields.toString(), "message/disposition-notification");
            notification.setHeader("Content-Type", "message/disposition-notification");
            notification.setHeader("Content-Transfer-Encoding", "7bit");
            report.addBodyPart(notification);
            MimeBodyPart part = Sealing.wrap(report);
            if (signWith != null && micAlgorithm != null) {
                part = Sealing.wrap(Sealing.sign(part, signWith, micAlgorithm));
            }
            return new Composed(Mime.unfold(part.getContentType()), Mime.body(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the MDN cannot be composed: " + e.getMessage(), e);
        }
    }

    /** Reads an MDN; a signed one must verify with one of the partner's certificates valid {@code now}. */
    public static Read read(
            String contentType, String transferEncoding, byte[] body, List<X509Certificate> partner, Instant now) {
        try {
            MimeBodyPart part = Mime.entity(contentType, transferEncoding, body);
            boolean signed = false;
            X509Certificate signer = null;
            if (Mime.baseType(part).equals("multipart/signed")) {
                var opened = Opening.open(
                        contentType,
                        transferEncoding,
                        body,
                        new Opening.Keys(List.of(), partner, true, now),
                        MicAlgorithm.SHA256);
                if (opened instanceof Opening.Refused refused) {
                    return new Invalid("the MDN's signature: " + refused.reason());
                }
                var payload = (Opening.Payload) opened;
                part = Mime.entity(payload.contentType(), null, payload.content());
                signed = true;
                signer = payload.signer();
            }
            if (!Mime.baseType(part).equals("multipart/report")) {
                return new Invalid("not an MDN: " + Mime.baseType(part));
            }
            var report = (MimeMultipart) part.getContent();
            String text = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart section = report.getBodyPart(i);
                String type = section.getContentType().toLowerCase(Locale.ROOT);
                if (type.startsWith("text/plain") && text == null) {
                    text = String.valueOf(section.getContent());
                }
                if (type.startsWith("message/disposition-notification")) {
                    byte[] raw;
                    try (var in = section.getInputStream()) {
                        raw = in.readAllBytes();
                    }
                    var fields = new InternetHeaders(new ByteArrayInputStream(raw));
                    return new Valid(
                            new Receipt(
                                    fields.getHeader("Original-Message-ID", null),
                                    Disposition.parse(fields.getHeader("Disposition", null)),
                                    fields.getHeader("Received-Content-MIC", null),
                                    text),
                            signed,
                            signer);
                }
            }
            return new Invalid("the report has no disposition notification");
        } catch (MessagingException | IOException | RuntimeException e) {
            return new Invalid("the MDN cannot be read: " + e.getMessage());
        }
    }

    /** Whether two MICs are the same digest by the same algorithm ({@code base64, sha-256}). */
    public static boolean sameMic(String expected, String returned) {
        if (expected == null || returned == null) {
            return false;
        }
        String[] a = expected.split(",");
        String[] b = returned.split(",");
        return a.length == 2
                && b.length == 2
                && a[0].strip().equals(b[0].strip())
                && MicAlgorithm.of(a[1]).equals(MicAlgorithm.of(b[1]));
    }

    private static String describe(Disposition disposition) {
        return disposition.ok()
                ? "The AS2 message was received and stored; its content is being processed."
                : "The AS2 message was not accepted: " + disposition.problem() + ".";
    }
}
