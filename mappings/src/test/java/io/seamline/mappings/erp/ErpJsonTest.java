package io.seamline.mappings.erp;

import static io.seamline.mappings.Documents.bytes;
import static io.seamline.mappings.Documents.problems;
import static io.seamline.mappings.Documents.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.FieldProblem;
import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.shipment.Shipment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErpJsonTest {

    private static final String PO =
            """
            {"poNumber": "4500012345", "partnerId": "acme-supply", "currency": "USD", "orderDate": "2026-11-02",
             "lines": [
               {"lineNumber": "1", "itemId": "WID-100", "partnerItemId": "AC-100", "quantity": 100, "unit": "EA",
                "unitPrice": 2.50, "needByDate": "2026-12-01"},
               {"lineNumber": 2, "itemId": "WID-200", "quantity": 40.5, "unit": "KG", "unitPrice": 10,
                "needByDate": "2026-12-03"}]}
            """;

    @Test
    void readsOnePurchaseOrderWithItsLines() {
        List<PurchaseOrder> orders = valid(ErpJson.purchaseOrders(bytes(PO)));

        assertThat(orders).singleElement().satisfies(po -> {
            assertThat(po.number().value()).isEqualTo("4500012345");
            assertThat(po.partnerId().value()).isEqualTo("acme-supply");
            assertThat(po.lines()).hasSize(2);
            assertThat(po.line("2")).hasValueSatisfying(line -> {
                assertThat(line.quantity()).isEqualByComparingTo("40.5");
                assertThat(line.needByDate()).isEqualTo(LocalDate.of(2026, 12, 3));
                assertThat(line.partnerItemId()).isNull();
            });
            assertThat(po.line("1").orElseThrow().unitPrice()).isEqualByComparingTo(new BigDecimal("2.50"));
        });
    }

    @Test
    void readsTheAcknowledgementTheErpAsksForAsAnInstant() {
        String asked = PO.replace(
                "\"orderDate\": \"2026-11-02\",",
                "\"orderDate\": \"2026-11-02\"," + " \"acknowledgeBy\": \"2026-11-03T17:00:00+01:00\",");

        assertThat(valid(ErpJson.purchaseOrders(bytes(asked))).get(0).acknowledgeBy())
                .isEqualTo(java.time.Instant.parse("2026-11-03T16:00:00Z"));
        assertThat(valid(ErpJson.purchaseOrders(bytes(PO))).get(0).acknowledgeBy())
                .isNull();
    }

    @Test
    void readsAnArrayOfPurchaseOrders() {
        String second = PO.replace("4500012345", "4500012346");
        assertThat(valid(ErpJson.purchaseOrders(bytes("[" + PO + "," + second + "]"))))
                .extracting(po -> po.number().value())
                .containsExactly("4500012345", "4500012346");
    }

    @Test
    void namesTheNegativeQuantity() {
        var problems = problems(ErpJson.purchaseOrders(bytes(PO.replace("\"quantity\": 100", "\"quantity\": -5"))));

        assertThat(problems).containsExactly(new FieldProblem("lines[0].quantity", "must be greater than 0, was -5"));
    }

    @Test
    void namesTheDuplicateLineNumber() {
        var problems =
                problems(ErpJson.purchaseOrders(bytes(PO.replace("\"lineNumber\": 2", "\"lineNumber\": \"1\""))));

        assertThat(problems).containsExactly(new FieldProblem("lines[1].lineNumber", "duplicate line number 1"));
    }

    @Test
    void namesEveryMissingFieldAtOnce() {
        var problems = problems(ErpJson.purchaseOrders(bytes("{\"poNumber\": \"4500012345\", \"lines\": [{}]}")));

        assertThat(problems)
                .extracting(FieldProblem::location)
                .containsExactly(
                        "partnerId",
                        "currency",
                        "orderDate",
                        "lines[0].lineNumber",
                        "lines[0].itemId",
                        "lines[0].quantity",
                        "lines[0].unit",
                        "lines[0].unitPrice",
                        "lines[0].needByDate");
    }

    @Test
    void locatesProblemsInsideAnArray() {
        String bad = PO.replace("\"USD\"", "\"DOLLARS\"");
        var problems = problems(ErpJson.purchaseOrders(bytes("[" + PO.replace("4500012345", "1") + "," + bad + "]")));

        assertThat(problems)
                .containsExactly(new FieldProblem("[1].currency", "not an ISO-4217 currency code: DOLLARS"));
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        var problems = problems(ErpJson.purchaseOrders(bytes("{\"poNumber\": \"45\",\n \"lines\": [}")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 2, column 12");
            assertThat(p.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void reportsAWrongTypeAtItsField() {
        var problems =
                problems(ErpJson.purchaseOrders(bytes(PO.replace("\"quantity\": 100", "\"quantity\": \"lots\""))));

        assertThat(problems).containsExactly(new FieldProblem("lines[0].quantity", "cannot read 'lots' as a number"));
    }

    @Test
    void refusesUnknownFieldsSoTyposAreNotSilentlyDropped() {
        var problems = problems(ErpJson.purchaseOrders(bytes(PO.replace("\"unit\": \"EA\"", "\"uom\": \"EA\""))));

        assertThat(problems).first().isEqualTo(new FieldProblem("lines[0].uom", "unknown field 'uom'"));
    }

    @Test
    void refusesAnEmptyBody() {
        assertThat(problems(ErpJson.purchaseOrders(bytes("  "))))
                .extracting(FieldProblem::location)
                .containsExactly("body");
    }

    @Test
    void readsAPlannedShipment() {
        String json =
                """
                {"shipmentId": "SH-1001", "carrierId": "swift-freight",
                 "references": {"bol": "BOL-1", "pro": "PRO-1"}, "poNumbers": ["4500012345"],
                 "plannedDelivery": "2026-12-01", "expectedFreight": {"amount": 1250.00, "currency": "USD"}}
                """;
        List<Shipment> shipments = valid(ErpJson.shipments(bytes(json)));

        assertThat(shipments).singleElement().satisfies(s -> {
            assertThat(s.references().pro()).isEqualTo("PRO-1");
            assertThat(s.expectedFreight().amount()).isEqualByComparingTo("1250");
            assertThat(s.poNumbers()).extracting(Object::toString).containsExactly("4500012345");
        });
    }

    @Test
    void tellsShipmentsFromPurchaseOrdersByTheirFields() {
        var batch = valid(ErpJson.batch(bytes("[{\"shipmentId\": \"SH-1\", \"carrierId\": \"swift-freight\"}]")));

        assertThat(batch.shipments()).hasSize(1);
        assertThat(batch.documentType()).isEqualTo("erp.shipments");
    }
}
