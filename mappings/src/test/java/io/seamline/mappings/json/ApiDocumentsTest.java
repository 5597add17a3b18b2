package io.seamline.mappings.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.ItemId;
import io.seamline.model.event.OrderAcknowledged;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.event.ShipmentStatusReported;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDocumentsTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static List<FieldProblem> problems(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<?>) parsed).problems();
    }

    @Test
    void readsAShipNoticeIntoTheCanonicalEvent() {
        var parsed = ApiDocuments.SHIPMENT_NOTICE.parse(
                bytes(
                        """
                        {"shipmentId": "ASN-1", "shipDate": "2026-11-20", "carrierScac": "SWFT",
                         "references": {"bol": "BOL-1"},
                         "lines": [{"poNumber": "4500012345", "lineNumber": "1", "quantity": 10, "unit": "EA"}]}
                        """),
                Map.of());

        var notice = (ShipmentAdvised) ((Parsed.Valid<?>) parsed).value();
        assertThat(notice.shipmentId()).isEqualTo("ASN-1");
        assertThat(notice.shipDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(notice.references().bol()).isEqualTo("BOL-1");
        assertThat(notice.lines()).singleElement().satisfies(l -> assertThat(l.quantity())
                .isEqualByComparingTo("10"));
    }

    @Test
    void aShipNoticeLineKeepsEveryItemIdentityItsLotSerialsAndNoteAndWritesThemBack() {
        var parsed = ApiDocuments.SHIPMENT_NOTICE.parse(
                bytes(
                        """
                        {"shipmentId": "ASN-2", "shipDate": "2026-11-20", "note": "two pallets",
                         "lines": [{"poNumber": "4500012345", "lineNumber": "1", "quantity": 2, "unit": "EA",
                                    "itemIds": [{"qualifier": "VC", "value": "10151"}, {"qualifier": "N4", "value": "50242005306"}],
                                    "lot": "3308212", "serials": ["S-1", "S-2"], "note": "keep cold"}]}
                        """),
                Map.of());

        var notice = (ShipmentAdvised) ((Parsed.Valid<?>) parsed).value();
        assertThat(notice.note()).isEqualTo("two pallets");
        var line = notice.lines().get(0);
        assertThat(line.itemIds()).containsExactly(new ItemId("VC", "10151"), new ItemId("N4", "50242005306"));
        assertThat(line.lot()).isEqualTo("3308212");
        assertThat(line.serials()).containsExactly("S-1", "S-2");
        assertThat(line.note()).isEqualTo("keep cold");
        assertThat(Json.write(notice))
                .contains("\"itemIds\":[{\"qualifier\":\"VC\",\"value\":\"10151\"}")
                .contains("\"serials\":[\"S-1\",\"S-2\"]");
    }

    @Test
    void aLineThatSentNoIdentitiesWritesNoEmptyLists() {
        var line = new ShipmentAdvised.Line("4500012345", "1", "WID-1", java.math.BigDecimal.ONE, "EA", null);

        assertThat(Json.write(line)).doesNotContain("itemIds").doesNotContain("serials");
    }

    @Test
    void anItemIdentityWithoutAValueIsRefusedByTheSchema() {
        var parsed = ApiDocuments.SHIPMENT_NOTICE.parse(
                bytes(
                        """
                        {"shipmentId": "ASN-3", "shipDate": "2026-11-20",
                         "lines": [{"poNumber": "4500012345", "lineNumber": "1", "quantity": 2,
                                    "itemIds": [{"qualifier": "VC"}]}]}
                        """),
                Map.of());

        assertThat(problems(parsed)).isNotEmpty();
    }

    @Test
    void readsAnAcknowledgementForThePurchaseOrderTheUrlNames() {
        var parsed = ApiDocuments.PO_ACKNOWLEDGEMENT.parse(
                bytes(
                        """
                        {"ackType": "ACCEPTED_WITH_CHANGES", "partnerOrderRef": "SO-7",
                         "lines": [{"lineNumber": "2", "status": "CHANGED", "quantity": 100,
                                    "promisedDate": "2026-12-24"}]}
                        """),
                Map.of("poNumber", "4500012345"));

        var ack = (OrderAcknowledged) ((Parsed.Valid<?>) parsed).value();
        assertThat(ack.poNumber()).isEqualTo("4500012345");
        assertThat(ack.ackType()).isEqualTo(OrderAcknowledged.AckType.ACCEPTED_WITH_CHANGES);
        assertThat(ack.lines()).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(OrderAcknowledged.LineStatus.CHANGED);
            assertThat(l.promisedDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        });
        assertThat(problems(ApiDocuments.PO_ACKNOWLEDGEMENT.parse(bytes("{\"ackType\": \"MAYBE\"}"), Map.of())))
                .extracting(FieldProblem::location)
                .containsExactly("ackType");
    }

    @Test
    void aBodyThatNamesAnotherPurchaseOrderThanTheUrlIsRefused() {
        var problems = problems(ApiDocuments.PO_ACKNOWLEDGEMENT.parse(
                bytes("{\"poNumber\": \"4500012348\", \"ackType\": \"REJECTED\", \"lines\": []}"),
                Map.of("poNumber", "4500012346")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("poNumber");
            assertThat(p.message()).contains("4500012346", "4500012348");
        });
        assertThat(ApiDocuments.PO_ACKNOWLEDGEMENT.parse(
                        bytes("{\"poNumber\": \"4500012346\", \"ackType\": \"REJECTED\", \"lines\": []}"),
                        Map.of("poNumber", "4500012346")))
                .isInstanceOf(Parsed.Valid.class);
    }

    @Test
    void numbersOutOfTheirColumnsRangeOrScaleAreRefusedBeforeAnythingReadsThem() {
        for (String total : List.of("1e999999999", "-1e999999999", "1e-999999999", "1e16", "10.001")) {
            var problems = problems(ApiDocuments.INVOICE.parse(
                    bytes("{\"invoiceNumber\": \"I-1\", \"kind\": \"GOODS\", \"invoiceDate\": \"2026-12-01\","
                            + " \"currency\": \"USD\", \"total\": " + total + "}"),
                    Map.of()));
            assertThat(problems).as(total).extracting(FieldProblem::location).contains("total");
        }
        var quantity = problems(ApiDocuments.SHIPMENT_NOTICE.parse(
                bytes(
                        """
                        {"shipmentId": "ASN-1", "shipDate": "2026-11-20",
                         "lines": [{"poNumber": "4500012345", "lineNumber": "1", "quantity": 1e14, "unit": "EA"}]}
                        """),
                Map.of()));
        assertThat(quantity).extracting(FieldProblem::location).contains("lines[0].quantity");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        var problems = problems(ApiDocuments.INVOICE.parse(
                bytes("{\"invoiceNumber\": \"I-1\", \"kind\": \"GOODS\", \"invoiceDate\": \"2026-12-01\","
                        + " \"currency\": \"USD\", \"total\": 1, \"total\": 100000}"),
                Map.of()));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .contains("Duplicate field 'total'"));
    }

    @Test
    void namesEveryFieldTheSchemaRefuses() {
        var problems = problems(ApiDocuments.SHIPMENT_NOTICE.parse(
                bytes(
                        """
                        {"shipDate": "20.11.2026", "carrierScac": "swift", "colour": "red",
                         "lines": [{"poNumber": "4500012345", "lineNumber": "1", "quantity": -3}]}
                        """),
                Map.of()));

        assertThat(problems)
                .extracting(FieldProblem::location)
                .contains("shipmentId", "shipDate", "carrierScac", "colour", "lines[0].quantity");
    }

    @Test
    void takesTheShipmentOfAStatusFromThePath() {
        var parsed = ApiDocuments.SHIPMENT_STATUS.parse(
                bytes(
                        """
                        {"status": "DELAYED", "eventTime": "2026-11-20T16:30", "estimatedDelivery": "2026-11-25T10:00",
                         "reasonCode": "AG", "location": {"city": "Memphis", "country": "US"}}
                        """),
                Map.of("shipmentId", "SH-1001"));

        var status = (ShipmentStatusReported) ((Parsed.Valid<?>) parsed).value();
        assertThat(status.references().shipmentId()).isEqualTo("SH-1001");
        assertThat(status.status()).isEqualTo(ShipmentStatusReported.TransportStatus.DELAYED);
        assertThat(status.estimatedDelivery()).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
        assertThat(status.subject()).isEqualTo("shipment/SH-1001");
    }

    @Test
    void readsAFreightInvoiceWithItsCharges() {
        var parsed = ApiDocuments.INVOICE.parse(
                bytes(
                        """
                        {"invoiceNumber": "FI-1", "kind": "FREIGHT", "invoiceDate": "2026-11-20", "currency": "USD",
                         "total": 1290.00, "references": {"shipmentId": "SH-1001"},
                         "charges": [{"code": "FREIGHT", "amount": 1250.00}, {"code": "FUEL_SURCHARGE", "amount": 40}]}
                        """),
                Map.of());

        var invoice = (InvoiceReceived) ((Parsed.Valid<?>) parsed).value();
        assertThat(invoice.kind()).isEqualTo(InvoiceReceived.Kind.FREIGHT);
        assertThat(invoice.charges()).hasSize(2);
        assertThat(problems(ApiDocuments.INVOICE.parse(bytes("{\"kind\": \"RENT\"}"), Map.of())))
                .extracting(FieldProblem::location)
                .contains("kind", "invoiceNumber", "currency");
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThat(problems(ApiDocuments.INVOICE.parse(bytes("[1,2]"), Map.of())))
                .extracting(FieldProblem::location)
                .containsExactly("body");
        assertThat(problems(ApiDocuments.INVOICE.parse(bytes("{\"invoiceNumber\": "), Map.of())))
                .extracting(FieldProblem::location)
                .containsExactly("body");
    }
}
