package io.seamline.mappings.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MailParserTest {

    private static MailParser.Result parse(String raw) {
        return MailParser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), MailLimits.DEFAULTS);
    }

    private static ParsedMail read(String raw) {
        var result = parse(raw);
        assertThat(result).isInstanceOf(MailParser.Result.Read.class);
        return ((MailParser.Result.Read) result).mail();
    }

    private static final String PLAIN =
            """
            From: Jane Doe <Jane@Bright-Textiles.example>
            To: orders@seamline.example
            Subject: PO 4500012349
            Message-ID: <abc-1@bright-textiles.example>
            In-Reply-To: <x-9@seamline.example>
            References: <x-1@seamline.example> <x-9@seamline.example>
            Date: Sun, 22 Nov 2026 09:30:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            PO 4500012349 line 1 will ship 15 Dec.
            """;

    @Test
    void readsTheSenderTheThreadAndTheText() {
        ParsedMail mail = read(PLAIN);

        assertThat(mail.from()).isEqualTo("jane@bright-textiles.example");
        assertThat(mail.fromDomain()).isEqualTo("bright-textiles.example");
        assertThat(mail.fromName()).isEqualTo("Jane Doe");
        assertThat(mail.messageId()).isEqualTo("<abc-1@bright-textiles.example>");
        assertThat(mail.inReplyTo()).isEqualTo("<x-9@seamline.example>");
        assertThat(mail.references()).containsExactly("<x-1@seamline.example>", "<x-9@seamline.example>");
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
        assertThat(mail.text()).contains("line 1 will ship 15 Dec");
        assertThat(mail.bounce()).isNull();
    }

    @Test
    void reducesHtmlToTextWithoutItsScripts() {
        ParsedMail mail = read(
                """
                From: a@b.example
                Subject: html
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style></head><body><script>alert('x')</script>
                <p>PO 4500012349&nbsp;line 1 will ship <b>15&nbsp;Dec</b>.</p><p>Tom &amp; Jerry</p></body></html>
                """);

        assertThat(mail.text())
                .contains("PO 4500012349 line 1 will ship 15 Dec.")
                .contains("Tom & Jerry");
        assertThat(mail.text()).doesNotContain("alert", "color");
    }

    @Test
    void readsAttachmentsAndUnpacksAZip() throws IOException {
        String zip = java.util.Base64.getMimeEncoder().encodeToString(zip("pod.pdf", "%PDF-1.4 pod".getBytes()));
        ParsedMail mail = read(
                """
                From: a@b.example
                Subject: docs
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                --XX
                Content-Type: text/plain

                see attached
                --XX
                Content-Type: text/csv; name="dates.csv"
                Content-Disposition: attachment; filename="dates.csv"

                poNumber,lineNumber,quantity,promisedDate
                4500012349,1,,2026-12-15
                --XX
                Content-Type: application/zip; name="docs.zip"
                Content-Disposition: attachment; filename="docs.zip"
                Content-Transfer-Encoding: base64

                %s
                --XX--
                """
                        .formatted(zip));

        assertThat(mail.text()).contains("see attached");
        assertThat(mail.attachments()).extracting(Attachment::fileName).containsExactly("dates.csv", "pod.pdf");
        assertThat(mail.attachments().get(1).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void refusesAZipBomb() throws IOException {
        byte[] zeros = new byte[5 * 1024 * 1024];
        String zip = java.util.Base64.getMimeEncoder().encodeToString(zip("big.txt", zeros));

        var result = parse(
                """
                From: a@b.example
                Subject: bomb
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                --XX
                Content-Type: application/zip; name="a.zip"
                Content-Disposition: attachment; filename="a.zip"
                Content-Transfer-Encoding: base64

                %s
                --XX--
                """
                        .formatted(zip));

        assertThat(result).isInstanceOfSatisfying(MailParser.Result.Refused.class, r -> assertThat(
                        r.why().reason())
                .isEqualTo(MailUnreadable.Reason.ZIP_BOMB));
    }

    @Test
    void refusesAMailThatIsTooLarge() {
        var result = MailParser.parse(new byte[100], new MailLimits(50, 20, 10, 10, 10, 10));

        assertThat(result).isInstanceOfSatisfying(MailParser.Result.Refused.class, r -> assertThat(
                        r.why().reason())
                .isEqualTo(MailUnreadable.Reason.TOO_LARGE));
    }

    @Test
    void refusesMalformedMime() {
        var result = parse(
                """
                From: a@b.example
                Subject: broken
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"
                Content-Transfer-Encoding: base64

                ###not base64 and no boundary###
                """);

        assertThat(result).isInstanceOfSatisfying(MailParser.Result.Refused.class, r -> assertThat(
                        r.why().reason())
                .isEqualTo(MailUnreadable.Reason.MALFORMED));
    }

    @Test
    void recognisesADeliveryReportAndTheMailThatBounced() {
        ParsedMail mail = read(
                """
                From: MAILER-DAEMON@mx.example
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="RR"

                --RR
                Content-Type: text/plain

                Your message could not be delivered.
                --RR
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; orders@bright-textiles.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --RR
                Content-Type: text/rfc822-headers

                From: orders@seamline.example
                To: orders@bright-textiles.example
                Message-ID: <reply-42@seamline.example>
                Subject: Re: PO 4500012349
                --RR--
                """);

        assertThat(mail.bounce())
                .isEqualTo(new Bounce(
                        "<reply-42@seamline.example>",
                        "orders@bright-textiles.example",
                        "5.1.1",
                        "smtp; 550 5.1.1 user unknown"));
    }

    @Test
    void keepsNoLineBreakInAHeaderValue() {
        ParsedMail mail = read(
                PLAIN.replace("Subject: PO 4500012349", "Subject: =?UTF-8?Q?PO_4500012349=0D=0ABcc:_x@evil.example?="));

        assertThat(mail.subject()).doesNotContain("\r", "\n").contains("PO 4500012349");
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
