package io.seamline.mappings.edi;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.event.OrderAcknowledged;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EdiEngineTest {

    private static final String ISA =
            "ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  *261120*0930*U*00401*000000905*0*P*>~";

    private static String interchange(String body, int sets) {
        return ISA + "GS*PR*ACMESUPPLY*SEAMLINEBUYER*20261120*0930*905*X*004010~" + body + "GE*" + sets
                + "*905~IEA*1*000000905~";
    }

    private static final String SET = "ST*855*0001~BAK*00*AT*4500012345*20261120~PO1*1*5*EA*2.5**BP*W-1~SE*4*0001~";

    @Test
    void reportsEmptyInputAsEmpty() {
        var recording = Recording.read("   \r\n ");

        assertThat(recording.unreadable).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo(Unreadable.Reason.EMPTY));
        assertThat(recording.acks).isEmpty();
    }

    @Test
    void reportsBinaryNoiseAsNotEdi() {
        byte[] noise = new byte[512];
        new java.util.Random(7).nextBytes(noise);

        var recording = Recording.read(noise);

        assertThat(recording.unreadable).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo(Unreadable.Reason.NOT_EDI));
    }

    @Test
    void reportsATruncatedIsaAsUnreadable() {
        var recording = Recording.read("ISA*00*          *00*   ");

        assertThat(recording.unreadable).singleElement().satisfies(u -> assertThat(u.reason())
                .isIn(Unreadable.Reason.NOT_EDI, Unreadable.Reason.UNREADABLE));
        assertThat(recording.sets).isEmpty();
    }

    @Test
    void rejectsAnInterchangeCutOffBeforeItsTrailerAndSaysSoInATa1() {
        String cut = interchange(SET, 1);
        var recording = Recording.read(cut.substring(0, cut.indexOf("GE*")));

        assertThat(recording.interchanges).singleElement().satisfies(i -> {
            assertThat(i.rejected()).isTrue();
            assertThat(i.defects()).extracting(Defect::error).contains(SyntaxError.PREMATURE_END);
        });
        assertThat(recording.acceptedEvents()).isEmpty();
        assertThat(recording.acks).singleElement().satisfies(a -> assertThat(a.text())
                .contains("TA1*000000905*261120*0930*R*023"));
    }

    @Test
    void rejectsASetWhoseSegmentCountIsWrongAndKeepsTheOthers() {
        String wrongCount = SET.replace("ST*855*0001", "ST*855*0002").replace("SE*4*0001", "SE*9*0002");
        var recording = Recording.read(interchange(SET + wrongCount, 2));

        assertThat(recording.sets)
                .extracting(SetResult::status)
                .containsExactly(SetStatus.ACCEPTED, SetStatus.REJECTED);
        assertThat(recording.sets.get(1).defects())
                .extracting(Defect::error)
                .contains(SyntaxError.SEGMENT_COUNT_MISMATCH);
        assertThat(recording.acceptedEvents()).hasSize(1);
        assertThat(recording.acks.get(0).text())
                .contains("AK2*855*0002~\nAK5*R*4")
                .contains("AK9*P*2*2*1");
    }

    @Test
    void rejectsASetWithANegativeQuantityAndNamesTheElementInThe997() {
        String negative = SET.replace("ST*855*0001", "ST*855*0002")
                .replace("PO1*1*5*EA", "PO1*1*-5*EA")
                .replace("SE*4*0001", "SE*4*0002");
        var recording = Recording.read(interchange(SET + negative, 2));

        assertThat(recording.sets)
                .extracting(SetResult::status)
                .containsExactly(SetStatus.ACCEPTED, SetStatus.REJECTED);
        assertThat(recording.sets.get(1).defects())
                .filteredOn(d -> d.error() == SyntaxError.INVALID_NUMBER)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.segmentTag()).isEqualTo("PO1");
                    assertThat(d.elementPosition()).isEqualTo(2);
                    assertThat(d.detail()).isEqualTo("a quantity cannot be negative");
                });
        assertThat(recording.acceptedEvents()).hasSize(1);
        assertThat(recording.acks.get(0).text()).contains("AK2*855*0002~\nAK3*PO1*3**8~\nAK4*2**6*-5~\nAK5*R*5");
    }

    @Test
    void rejectsAGroupWhoseTrailerCountIsWrong() {
        var recording = Recording.read(interchange(SET, 3));

        assertThat(recording.interchanges.get(0).groups().get(0).rejectedAsAWhole())
                .isTrue();
        assertThat(recording.acks.get(0).text()).contains("AK9*R*3*1*0*5");
    }

    @Test
    void reportsAnUnknownSetAsUnsupportedAndAcknowledgesItAsTheProfileSays() {
        String unknown = "ST*940*0001~W05*N*ORD-1~SE*3*0001~";

        var rejecting = Recording.read(interchange(unknown, 1));
        var accepting = Recording.read(
                EdiEngine.withDefaults(),
                new ByteArrayInputStream(interchange(unknown, 1).getBytes(StandardCharsets.US_ASCII)),
                e -> new EdiProfile(AckFormat.X997, true, null));

        assertThat(rejecting.only().status()).isEqualTo(SetStatus.UNSUPPORTED);
        assertThat(rejecting.acks.get(0).text()).contains("AK5*R*1").contains("AK9*R*1*1*0");
        assertThat(accepting.acks.get(0).text()).contains("AK5*A").contains("AK9*A*1*1*1");
    }

    @Test
    void stopsReadingPastTheSizeLimit() {
        var big = new StringBuilder(ISA + "GS*PR*A*B*20261120*0930*1*X*004010~ST*855*0001~");
        while (big.length() < 5000) {
            big.append("MSG*filler text~");
        }

        var recording = Recording.read(
                new EdiEngine(2048),
                new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.US_ASCII)),
                e -> EdiProfile.DEFAULT);

        assertThat(recording.unreadable).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(Unreadable.Reason.TOO_LARGE);
            assertThat(u.detail()).contains("2048");
        });
        assertThat(recording.acceptedEvents()).isEmpty();
        assertThat(recording.interchanges)
                .allSatisfy(i -> assertThat(i.rejected()).isTrue());
    }

    @Test
    void neverAcknowledgesAnAcknowledgement() {
        String ack = ISA + "GS*FA*ACMESUPPLY*SEAMLINEBUYER*20261120*0930*905*X*004010~ST*997*0001~AK1*PO*41~"
                + "AK9*A*1*1*1~SE*4*0001~GE*1*905~IEA*1*000000905~";

        var recording = Recording.read(ack);

        assertThat(recording.only().status()).isEqualTo(SetStatus.ACCEPTED);
        assertThat(recording.acks).isEmpty();
    }

    @Test
    void readsControlCharacterDelimitersAndNoTrailingTerminator() {
        String text = interchange(SET, 1).replace('*', '\u007f').replace('~', '\u0015');
        var recording = Recording.read(text.substring(0, text.length() - 1));

        assertThat(recording.only().events()).singleElement().isInstanceOf(OrderAcknowledged.class);
        assertThat(recording.interchanges.get(0).rejected()).isFalse();
    }

    @Test
    void readsNewlineTerminatedSegmentsWithIndentationAndCrLf() {
        String text = "\uFEFF" + interchange(SET, 1).replace("~", "\r\n    ");

        var recording = Recording.read(text.getBytes(StandardCharsets.UTF_8));

        assertThat(recording.only().status()).isEqualTo(SetStatus.ACCEPTED);
        assertThat(recording.interchanges.get(0).defects()).isEmpty();
    }

    @Test
    void readsAFileWrappedAtEightyColumns() {
        String flat = interchange(SET, 1);
        var wrapped = new StringBuilder();
        for (int i = 0; i < flat.length(); i += 80) {
            wrapped.append(flat, i, Math.min(flat.length(), i + 80)).append('\n');
        }

        var recording = Recording.read(wrapped.toString());

        assertThat(recording.only().status()).isEqualTo(SetStatus.ACCEPTED);
    }

    @Test
    void repairsAnIsaWhosePartnerPaddedAnIdWrong() {
        String shortId = interchange(SET, 1).replace("*ACMESUPPLY     *", "*ACMESUPPLY*");

        var recording = Recording.read(shortId);

        assertThat(recording.only().status()).isEqualTo(SetStatus.ACCEPTED);
        assertThat(recording.interchanges.get(0).defects()).singleElement().satisfies(d -> {
            assertThat(d.warning()).isTrue();
            assertThat(d.detail()).contains("ISA06 had 10 characters instead of 15");
        });
    }

    @Test
    void acceptsATrailerControlNumberWithoutItsLeadingZeros() {
        var recording = Recording.read(interchange(SET, 1).replace("IEA*1*000000905", "IEA*1*905"));

        assertThat(recording.interchanges.get(0).rejected()).isFalse();
    }

    @Test
    void readsEdifactWithoutUnaWithReleasedDelimitersAndDecimalCommas() {
        String text = "UNA:+,? '"
                + "UNB+UNOC:3+5790000000012:14+5412345000013:14+261120:0930+77'"
                + "UNH+1+ORDRSP:D:96A:UN'BGM+231+OR?+1+29'RFF+ON:4500012347'LIN+10+5+NC-1:SA'QTY+113:12,5:PCE'"
                + "PRI+AAA:3,10'UNT+7+1'UNZ+1+77'";

        var recording = Recording.read(text);

        var ack = (OrderAcknowledged) recording.only().events().get(0);
        assertThat(ack.partnerOrderRef()).isEqualTo("OR+1");
        assertThat(ack.lines().get(0).quantity()).isEqualByComparingTo("12.5");
        assertThat(ack.lines().get(0).unitPrice()).isEqualByComparingTo("3.10");
    }

    @Test
    void readsInterchangesOneAfterAnother() {
        String one = interchange(SET, 1);
        String two = one.replace("000000905", "000000906");

        var recording = Recording.read(one + "\n" + two);

        assertThat(recording.interchanges).hasSize(2);
        assertThat(recording.acceptedEvents()).hasSize(2);
        assertThat(recording.acks).hasSize(2);
    }
}
