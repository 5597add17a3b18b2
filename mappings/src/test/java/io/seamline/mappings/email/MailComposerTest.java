package io.seamline.mappings.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static OutgoingMail reply(String subject) {
        return new OutgoingMail(
                "orders@seamline.example",
                "jane@bright-textiles.example",
                OutgoingMail.replySubject(subject),
                "<r-1@seamline.example>",
                "<abc-1@bright-textiles.example>",
                List.of("<x-1@seamline.example>"),
                Instant.parse("2026-11-22T10:00:00Z"),
                "PO 4500012349 line 1: new date 2026-12-15 accepted.");
    }

    @Test
    void repliesInThePartnersThread() {
        byte[] mime = MailComposer.compose(reply("PO 4500012349"));

        var read = (MailParser.Result.Read) MailParser.parse(mime, MailLimits.DEFAULTS);
        assertThat(read.mail().subject()).isEqualTo("Re: PO 4500012349");
        assertThat(read.mail().messageId()).isEqualTo("<r-1@seamline.example>");
        assertThat(read.mail().inReplyTo()).isEqualTo("<abc-1@bright-textiles.example>");
        assertThat(read.mail().references())
                .containsExactly("<x-1@seamline.example>", "<abc-1@bright-textiles.example>");
        assertThat(read.mail().text()).contains("accepted");
        assertThat(new String(mime, StandardCharsets.UTF_8)).contains("Auto-Submitted: auto-replied");
    }

    @Test
    void keepsASingleRe() {
        assertThat(OutgoingMail.replySubject("RE: PO 1")).isEqualTo("RE: PO 1");
    }

    @Test
    void refusesALineBreakInAHeaderValue() {
        assertThatThrownBy(() -> MailComposer.compose(reply("PO 1\r\nBcc: victim@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
    }
}
