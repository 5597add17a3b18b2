package io.seamline.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code translate} command's exit agrees with the acknowledgement it writes. */
class TranslateTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  "
            + "*261120*0930*U*00401*000000905*0*P*>~\n";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int translate(String content, Path ack) throws IOException {
        Path file = folder.resolve("in-" + System.nanoTime() + ".edi");
        Files.writeString(file, content);
        return new Translate(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC))
                .run(file.toString(), "--ack", ack.toString());
    }

    private static String group(String groupControl, int declaredSets) {
        return "GS*PR*ACMESUPPLY*SEAMLINEBUYER*20261120*0930*" + groupControl + "*X*004010~\n"
                + "ST*855*0001~\nBAK*00*AT*4500012345*20261120~\nPO1*1*5*EA*2.5**BP*W-1~\nSE*4*0001~\n"
                + "GE*" + declaredSets + "*" + groupControl + "~\n";
    }

    @Test
    void anAcceptedInterchangeExitsZero() throws IOException {
        Path ack = folder.resolve("ack.edi");

        assertThat(translate(ISA + group("905", 1) + "IEA*1*000000905~\n", ack)).isZero();
        assertThat(Files.readString(ack)).contains("AK9*A");
    }

    @Test
    void aGroupWhoseAcknowledgementRejectsItExitsThree() throws IOException {
        Path ack = folder.resolve("ack.edi");

        int exit = translate(ISA + group("905", 2) + "IEA*1*000000905~\n", ack);

        assertThat(Files.readString(ack)).contains("AK9*R");
        assertThat(exit).isEqualTo(Translate.REJECTED);
    }

    @Test
    void anInterchangeWithoutPartiesIsRejectedNotUnreadable() throws IOException {
        Path ack = folder.resolve("ack.edi");
        String blank = "UNA:+.? 'UNB+UNOC:3+:14+:14+261120:0930+NC0009'UNH+1+ORDRSP:D:96A:UN'BGM+231+OR-7789+29'"
                + "DTM+137:20261120:102'RFF+ON:4500012347'UNS+S'UNT+6+1'UNZ+1+NC0009'";

        assertThat(translate(blank, ack)).isEqualTo(Translate.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("UNB 0004 is blank");
    }

    @Test
    void bytesThatAreNoInterchangeExitTwo() throws IOException {
        assertThat(translate("Dear buyer, please find our confirmation attached.", folder.resolve("ack.edi")))
                .isEqualTo(Translate.UNREADABLE);
    }
}
