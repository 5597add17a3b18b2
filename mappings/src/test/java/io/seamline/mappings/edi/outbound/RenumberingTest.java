package io.seamline.mappings.edi.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.edi.Recording;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenumberingTest {

    private static final String X12 =
            "ISA*00*          *00*          *ZZ*SEAMLINEBUYER  *ZZ*ACMESUPPLY     *261122*0930*U*00401*000000042*0*P*>~\n"
                    + "GS*PO*SEAMLINEBUYER*ACMESUPPLY*20261122*0930*42*X*004010~\nST*850*0001~\nBEG*00*NE*4500012345**20261122~\n"
                    + "SE*3*0001~\nGE*1*42~\nIEA*1*000000042~\n";

    @Test
    void anX12InterchangeGetsTheNewNumberInIsaAndIeaAndReadsBackClean() {
        byte[] renumbered = Renumbering.interchange(X12.getBytes(StandardCharsets.ISO_8859_1), 77)
                .orElseThrow();
        String text = new String(renumbered, StandardCharsets.ISO_8859_1);

        assertThat(text)
                .contains("*000000077*0*P*")
                .contains("IEA*1*000000077~")
                .contains("GE*1*42~");
        var read = Recording.read(renumbered);
        assertThat(read.interchanges).singleElement().satisfies(i -> {
            assertThat(i.envelope().controlNumber()).isEqualTo("000000077");
            assertThat(i.defects()).allMatch(d -> d.warning());
        });
    }

    @Test
    void anEdifactInterchangeGetsTheNewNumberInUnbAndUnz() {
        String edifact =
                "UNA:+.? 'UNB+UNOC:3+5412345000013:14+5790000000012:14+261122:0930+NC0042'UNH+1+ORDERS:D:96A:UN'"
                        + "BGM+220+4500012345+9'UNT+3+1'UNZ+1+NC0042'";

        String text = new String(
                Renumbering.interchange(edifact.getBytes(StandardCharsets.ISO_8859_1), 78)
                        .orElseThrow(),
                StandardCharsets.ISO_8859_1);

        assertThat(text).contains("+261122:0930+78'").endsWith("UNZ+1+78'");
    }

    @Test
    void bytesThatAreNoInterchangeOfOursAreLeftAlone() {
        assertThat(Renumbering.interchange("From: a@b.example\r\n\r\nhello".getBytes(StandardCharsets.UTF_8), 1))
                .isEmpty();
        assertThat(Renumbering.interchange(
                        X12.replace("IEA*1*000000042", "IEA*1*000000041").getBytes(), 1))
                .isEmpty();
    }
}
