package io.seamline.mappings.partnerfiles;

import static io.seamline.mappings.Documents.bytes;
import static io.seamline.mappings.Documents.problems;
import static io.seamline.mappings.Documents.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.seamline.mappings.FieldProblem;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.ShipmentStatusReported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PartnerFileMappingTest {

    private static PartnerFileMapping mapping(String file, Target target) throws IOException {
        return PartnerFileMapping.compile(
                file, target, Files.readAllBytes(Path.of("src/test/resources/partner-files", file)));
    }

    @Test
    void readsASuppliersCommitmentSheetInItsOwnColumns() throws IOException {
        String csv = "PO;Pos;Article;Qty;Date;Remark\n"
                + "4500012349;1;BT-COT-200;1150;2026-12-20;short on cotton\n"
                + "4500012349;2;BT-POL-90;600;2026-12-18;\n"
                + "4500012350;1;BT-THR;80;2026-12-22;\n";
        try (var mapping = mapping("commitments-csv.xml", Target.COMMITMENTS)) {
            var events = valid(mapping.read(bytes(csv)));

            assertThat(events).hasSize(2);
            var first = (CommitmentUpdated) events.get(0);
            assertThat(first.poNumber()).isEqualTo("4500012349");
            assertThat(first.lines())
                    .extracting(CommitmentUpdated.Line::lineNumber)
                    .containsExactly("1", "2");
            assertThat(first.lines().get(0).quantity()).isEqualByComparingTo("1150");
            assertThat(first.lines().get(0).promisedDate()).isEqualTo(LocalDate.of(2026, 12, 20));
            assertThat(first.lines().get(0).partnerItemId()).isEqualTo("BT-COT-200");
            assertThat(first.lines().get(0).reasonCode()).isEqualTo("short on cotton");
        }
    }

    @Test
    void namesTheRecordAndFieldOfEveryBadValue() throws IOException {
        String csv = "PO;Pos;Article;Qty;Date;Remark\n4500012349;1;X;lots;20.13.2026;\n;2;X;5;2026-12-01;\n";
        try (var mapping = mapping("commitments-csv.xml", Target.COMMITMENTS)) {
            assertThat(problems(mapping.read(bytes(csv))))
                    .extracting(FieldProblem::location)
                    .containsExactlyInAnyOrder(
                            "record 1, quantity", "record 1, promisedDate", "record 1, quantity", "record 2, poNumber");
        }
    }

    @Test
    void refusesANegativeQuantityNamingItsRecord() throws IOException {
        String csv = "PO;Pos;Article;Qty;Date;Remark\n4500012349;1;X;-5;2026-12-20;\n";
        try (var mapping = mapping("commitments-csv.xml", Target.COMMITMENTS)) {
            assertThat(problems(mapping.read(bytes(csv))))
                    .extracting(FieldProblem::location, FieldProblem::message)
                    .containsExactly(tuple("record 1, quantity", "a quantity cannot be negative: -5"));
        }
    }

    @Test
    void readsACarriersFixedWidthStatusFile() throws IOException {
        String fixed = "PRO-5521907 DELAYED     202612081630MEMPHIS        \n"
                + "PRO-5521907 DELIVERED   202612121000SEAMLINE DC    \n";
        try (var mapping = mapping("carrier-status-fixed.xml", Target.SHIPMENT_STATUS)) {
            var events = valid(mapping.read(bytes(fixed)));

            assertThat(events).hasSize(2);
            var delayed = (ShipmentStatusReported) events.get(0);
            assertThat(delayed.references().pro()).isEqualTo("PRO-5521907");
            assertThat(delayed.status()).isEqualTo(ShipmentStatusReported.TransportStatus.DELAYED);
            assertThat(delayed.eventTime()).isEqualTo(LocalDateTime.of(2026, 12, 8, 16, 30));
            assertThat(delayed.location().city()).isEqualTo("MEMPHIS");
            assertThat(((ShipmentStatusReported) events.get(1)).status())
                    .isEqualTo(ShipmentStatusReported.TransportStatus.DELIVERED);
        }
    }

    @Test
    void readsABrokersXmlFeed() throws IOException {
        String xml =
                """
                <entries>
                  <entry number="ENTRY-11072"><state>hold</state><note>Examination</note>
                    <shipment>SH-1002</shipment><missingDocuments>Commercial invoice; Packing list</missingDocuments></entry>
                  <entry number="ENTRY-11073"><state>RELEASED</state></entry>
                </entries>
                """;
        try (var mapping = mapping("broker-xml.xml", Target.CUSTOMS_STATUS)) {
            var events = valid(mapping.read(bytes(xml)));

            var hold = (CustomsStatusReported) events.get(0);
            assertThat(hold.status()).isEqualTo(CustomsStatusReported.Status.HOLD);
            assertThat(hold.documentsRequested()).containsExactly("Commercial invoice", "Packing list");
            assertThat(hold.references()).containsEntry("shipmentId", "SH-1002");
            assertThat(((CustomsStatusReported) events.get(1)).status())
                    .isEqualTo(CustomsStatusReported.Status.RELEASED);
        }
    }

    @Test
    void refusesXmlWithADoctypeBeforeParsingIt() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<entries><entry number=\"&x;\"><state>HOLD</state></entry></entries>";
        try (var mapping = mapping("broker-xml.xml", Target.CUSTOMS_STATUS)) {
            assertThat(problems(mapping.read(bytes(xxe)))).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("DOCTYPE"));
            String laughs = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;\">]>"
                    + "<entries><entry number=\"&b;\"><state>HOLD</state></entry></entries>";
            assertThat(problems(mapping.read(bytes(laughs)))).isNotEmpty();
        }
    }

    @Test
    void refusesAConfigurationSmooksCannotRead() {
        assertThatThrownBy(() -> PartnerFileMapping.compile("broken", Target.COMMITMENTS, bytes("<nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }
}
