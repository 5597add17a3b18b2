package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole story on embedded infrastructure: the ERP imports a PO and a shipment; the supplier's 855 accepts line 1,
 * slips line 2 past tolerance and rejects line 3; ops approves line 2; a partial 856; the carrier's delay; two
 * freight invoices, one inside tolerance and one above; the timelines, the autonomy rate, and the 855 sent again.
 */
class PartnerStoryIT extends PipelineGatewayIT {

    private static final String PO = "4510000001";
    private static final LocalDate NEED_BY = today().plusDays(20);

    private void importPurchaseOrderAndShipment() {
        var po = post(
                "/api/v1/erp/purchase-orders",
                "erp:erp",
                """
                {"poNumber": "%s", "partnerId": "acme-supply", "currency": "USD", "orderDate": "%s",
                 "lines": [
                   {"lineNumber": "1", "itemId": "WID-100", "partnerItemId": "AC-W100", "quantity": 500, "unit": "EA",
                    "unitPrice": 2.50, "needByDate": "%s"},
                   {"lineNumber": "2", "itemId": "WID-200", "partnerItemId": "AC-W200", "quantity": 120, "unit": "EA",
                    "unitPrice": 14.00, "needByDate": "%s"},
                   {"lineNumber": "3", "itemId": "BRK-310", "partnerItemId": "AC-B310", "quantity": 40, "unit": "EA",
                    "unitPrice": 87.25, "needByDate": "%s"}]}
                """
                        .formatted(PO, today().minusDays(3), NEED_BY, NEED_BY, NEED_BY.plusDays(7)));
        assertThat(po.statusCode()).isEqualTo(200);
        var shipment = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "SH-9001", "carrierId": "swift-freight",
                 "references": {"bol": "BOL-9001", "pro": "PRO-9001"}, "poNumbers": ["%s"],
                 "plannedDelivery": "%s", "expectedFreight": {"amount": 1250.00, "currency": "USD"}}
                """
                        .formatted(PO, NEED_BY.minusDays(1)));
        assertThat(shipment.statusCode()).isEqualTo(200);
    }

    static String acknowledgement() {
        return x12(
                "ZZ",
                "ACMESUPPLY",
                "PR",
                "000001001",
                "855",
                "BAK*00*AC*" + PO + "*" + edi(today()) + "****SO-88120",
                "PO1*1*500*EA*2.50**BP*WID-100*VP*AC-W100",
                "ACK*IA*500*EA*068*" + edi(NEED_BY.minusDays(2)),
                "PO1*2*120*EA*14.00**BP*WID-200*VP*AC-W200",
                "ACK*DR*120*EA*068*" + edi(NEED_BY.plusDays(18)),
                "PO1*3*40*EA*87.25**BP*BRK-310*VP*AC-B310",
                "ACK*IR*0*EA",
                "CTT*3");
    }

    private static String shipNotice() {
        return x12(
                "ZZ",
                "ACMESUPPLY",
                "SH",
                "000001002",
                "856",
                "BSN*00*ASN-9001*" + edi(today()) + "*1400*0001",
                "HL*1**S",
                "TD5*B*2*SWFT*M",
                "REF*BM*BOL-9001",
                "REF*CN*PRO-9001",
                "DTM*011*" + edi(today()),
                "DTM*017*" + edi(NEED_BY.minusDays(1)),
                "HL*2*1*O",
                "PRF*" + PO,
                "HL*3*2*I",
                "LIN*1*BP*WID-100*VP*AC-W100",
                "SN1**300*EA",
                "CTT*3");
    }

    private static String delay() {
        return x12(
                "02",
                "SWFT",
                "QM",
                "000000501",
                "214",
                "B10*PRO-9001*SH-9001*SWFT",
                "L11*BOL-9001*BM",
                "L11*" + PO + "*PO",
                "LX*1",
                "AT7*SD*AO***" + edi(today()) + "*1630*LT",
                "MS1*MEMPHIS*TN*US",
                "AT7*AG****" + edi(NEED_BY.plusDays(5)) + "*1000*LT");
    }

    private static String freightInvoice(String control, String number, String cents) {
        return x12(
                "02",
                "SWFT",
                "IM",
                control,
                "210",
                "B3**" + number + "*SH-9001*PP**" + edi(today()) + "*" + cents + "**" + edi(today()) + "*035*SWFT",
                "C3*USD",
                "N9*BM*BOL-9001",
                "N9*PO*" + PO,
                "LX*1",
                "L1*1*" + cents.substring(0, cents.length() - 2) + "." + cents.substring(cents.length() - 2) + "*FR*"
                        + cents + "****400",
                "L3*****" + cents);
    }

    @Test
    void theGatewayCoordinatesAPurchaseOrderFromAcknowledgementToFreightInvoice() {
        // other tests of this gateway run before or after: the autonomy rate is read from here on
        java.time.Instant started = java.time.Instant.now().minusMillis(1);
        importPurchaseOrderAndShipment();

        // the supplier's 855: line 1 accepted, line 2 slipped 18 days, line 3 rejected
        JsonNode ack = process("acme:acme", acknowledgement());
        assertThat(ack.path("status").asText()).isEqualTo("PROCESSED");
        JsonNode order = json(get("/api/v1/purchase-orders/" + PO, OPS));
        assertThat(line(order, "1").path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(line(order, "1").path("promisedDate").asText())
                .isEqualTo(NEED_BY.minusDays(2).toString());
        assertThat(line(order, "2").path("status").asText()).isEqualTo("OPEN");
        assertThat(line(order, "3").path("status").asText()).isEqualTo("OPEN");
        List<JsonNode> tasks = openTasks("COMMITMENT_CHANGE");
        assertThat(tasks)
                .extracting(t -> t.path("context").path("lineNumber").asText())
                .containsExactly("2", "3");
        assertThat(tasks.get(0).path("summary").asText()).contains("18 day(s) after the need-by date");
        String ackId = ack.path("acknowledgementMessageId").asText();
        JsonNode functionalAck = json(get("/api/v1/messages/" + ackId, OPS));
        assertThat(functionalAck.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(functionalAck.path("documentType").asText()).isEqualTo("997");
        assertThat(get("/api/v1/messages/" + ackId + "/raw", OPS).body())
                .contains("AK1*PR*1001", "AK5*A", "AK9*A*1*1*1");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxFiles("acme-supply").stream()
                .anyMatch(f -> f.getFileName().toString().startsWith("997-")));

        // ops approves the slip of line 2: an 860 confirms the new date
        JsonNode decided = json(post(
                "/api/v1/tasks/" + tasks.get(0).path("id").asText() + "/decision",
                OPS,
                "{\"decision\": \"APPROVE\", \"comment\": \"the customer can wait\"}"));
        assertThat(decided.path("task").path("status").asText()).isEqualTo("DECIDED");
        String changeId = decided.path("responses").get(0).asText();
        JsonNode change = json(get("/api/v1/messages/" + changeId, OPS));
        assertThat(change.path("documentType").asText()).isEqualTo("860");
        assertThat(get("/api/v1/messages/" + changeId + "/raw", OPS).body())
                .contains("BCH*04*SA*" + PO, "POC*2*CA*120", "DTM*002*" + edi(NEED_BY.plusDays(18)));
        assertThat(line(json(get("/api/v1/purchase-orders/" + PO, OPS)), "2")
                        .path("promisedDate")
                        .asText())
                .isEqualTo(NEED_BY.plusDays(18).toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxFiles("acme-supply").stream()
                .anyMatch(f -> f.getFileName().toString().startsWith("860-")));

        // a partial ship notice: 300 of 500 on the planned shipment
        assertThat(process("acme:acme", shipNotice()).path("status").asText()).isEqualTo("PROCESSED");
        order = json(get("/api/v1/purchase-orders/" + PO, OPS));
        assertThat(line(order, "1").path("shippedQuantity").decimalValue()).isEqualByComparingTo("300");
        assertThat(line(order, "1").path("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(order.path("status").asText()).isEqualTo("PARTIALLY_SHIPPED");

        // the carrier's delay: the ETA is after the need-by date
        assertThat(process("swift:swift", delay()).path("status").asText()).isEqualTo("PROCESSED");
        assertThat(openTasks("DELAY_IMPACT"))
                .singleElement()
                .satisfies(t -> assertThat(t.path("subject").asText()).isEqualTo("po/" + PO));
        assertThat(json(get("/api/v1/shipments/SH-9001", OPS)).path("status").asText())
                .isEqualTo("DELAYED");

        // a freight invoice inside tolerance: approved and written back to the ERP
        assertThat(process("swift:swift", freightInvoice("000000502", "F-9001", "126000"))
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> OUTSIDE.requests("/erp/outcomes").stream()
                .anyMatch(r ->
                        r.body().contains("\"invoice.approved\"") && r.body().contains("F-9001")));
        var writeBack = OUTSIDE.requests("/erp/outcomes").stream()
                .filter(r -> r.body().contains("F-9001"))
                .findFirst()
                .orElseThrow();
        assertThat(writeBack.idempotencyKey()).isNotBlank();
        assertThat(writeBack.contentType()).isEqualTo("application/json");

        // another above tolerance: an exception for a person and an 824 disputing it with the carrier
        assertThat(process("swift:swift", freightInvoice("000000503", "F-9002", "140000"))
                        .path("status")
                        .asText())
                .isEqualTo("PROCESSED");
        assertThat(openTasks("INVOICE_EXCEPTION"))
                .singleElement()
                .satisfies(t -> assertThat(t.path("summary").asText()).contains("F-9002", "150 above"));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxFiles("swift-freight").stream()
                .anyMatch(f -> f.getFileName().toString().startsWith("824-") && read(f).contains("OTI*TR*IV*F-9002")));
        assertThat(OUTSIDE.requests("/erp/outcomes")).noneMatch(r -> r.body().contains("F-9002"));

        // the timelines tell the story, with reasons
        List<JsonNode> timeline = list(get("/api/v1/purchase-orders/" + PO + "/timeline", OPS));
        assertThat(timeline)
                .extracting(e -> e.path("kind").asText())
                .contains(
                        "IMPORT",
                        "MESSAGE",
                        "EVENT",
                        "CORRELATION",
                        "DECISION",
                        "TASK",
                        "HUMAN_ACTION",
                        "RESPONSE",
                        "DELIVERY",
                        "ERP_WRITEBACK");
        JsonNode slip = timeline.stream()
                .filter(e -> e.path("kind").asText().equals("DECISION")
                        && e.path("details").path("rule").asText().equals("commitment.date-slip")
                        && e.path("details").path("outcome").asText().equals("TASK"))
                .findFirst()
                .orElseThrow();
        assertThat(slip.path("details").path("ruleVersion").asInt()).isEqualTo(1);
        assertThat(slip.path("details").path("inputs").path("slipDays").asInt()).isEqualTo(18);
        assertThat(slip.path("details").path("inputs").path("maxSlipDays").asInt())
                .isEqualTo(2);
        assertThat(slip.path("details").path("rationale").asText()).contains("beyond the 2 day(s) agreed");
        // line 1 stayed inside every tolerance: its decisions are one entry, each still with its rule and reason
        List<JsonNode> inside = timeline.stream()
                .filter(e -> e.path("kind").asText().equals("DECISION")
                        && e.path("details").has("decisions"))
                .toList();
        assertThat(inside).singleElement().satisfies(e -> {
            assertThat(e.path("summary").asText()).contains("APPLY (line 1)").doesNotContain("line 2", "line 3");
            // the fields every DECISION carries (DESIGN.md), then each decision
            assertThat(e.path("details").path("rule").asText()).contains("commitment.");
            assertThat(e.path("details").path("ruleVersion").asInt()).isEqualTo(1);
            assertThat(e.path("details").path("outcome").asText()).isEqualTo("APPLY");
            assertThat(e.path("details").path("inputs").path("about").get(0).asText())
                    .isEqualTo("line 1");
            assertThat(e.path("details").path("decisions")).isNotEmpty().allSatisfy(d -> {
                assertThat(d.path("about").asText()).isEqualTo("line 1");
                assertThat(d.path("rule").asText()).startsWith("commitment.");
                assertThat(d.path("outcome").asText()).isEqualTo("APPLY");
                assertThat(d.path("rationale").asText()).isNotBlank();
            });
        });
        // line 2 went to a person: each of its decisions stays an entry of its own, for the person to read
        assertThat(timeline)
                .filteredOn(e -> e.path("kind").asText().equals("DECISION")
                        && e.path("details").path("rule").asText().startsWith("commitment."))
                .extracting(
                        e -> e.path("details").path("inputs").path("lineNumber").asText())
                .contains("2")
                .doesNotContain("1");
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("HUMAN_ACTION");
            assertThat(e.path("actor").asText()).isEqualTo("ops");
            assertThat(e.path("summary").asText()).contains("APPROVE", "the customer can wait");
        });
        assertThat(timeline)
                .anySatisfy(e -> assertThat(e.path("summary").asText()).contains("Shipment SH-9001 DELAYED"));
        List<JsonNode> partnerView = list(get("/api/v1/purchase-orders/" + PO + "/timeline", "acme:acme"));
        assertThat(partnerView)
                .extracting(e -> e.path("kind").asText())
                .doesNotContain("DECISION", "HUMAN_ACTION", "CORRELATION")
                .contains("MESSAGE", "RESPONSE");
        List<JsonNode> shipmentTimeline = list(get("/api/v1/shipments/SH-9001/timeline", OPS));
        assertThat(shipmentTimeline).anySatisfy(e -> {
            assertThat(e.path("details").path("rule").asText()).isEqualTo("invoice.freight");
            assertThat(e.path("details").path("outcome").asText()).isEqualTo("TASK");
        });

        // autonomy: the 856, the 214's second status (the same delay again) and the first 210 needed nobody; the
        // 855 needed ops; the 214's delay and the second 210 wait for a person
        JsonNode autonomy = json(get("/api/v1/metrics/autonomy?from=" + started, OPS));
        assertThat(autonomy.path("overall").path("events").asInt()).isEqualTo(6);
        assertThat(autonomy.path("overall").path("autonomous").asInt()).isEqualTo(3);
        assertThat(autonomy.path("overall").path("withPerson").asInt()).isEqualTo(1);
        assertThat(autonomy.path("overall").path("open").asInt()).isEqualTo(2);
        assertThat(autonomy.path("overall").path("rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(autonomy.path("byPartner").path("acme-supply").path("rate").decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(autonomy.path("byDocumentType")
                        .path("210")
                        .path("autonomous")
                        .asInt())
                .isEqualTo(1);
        assertThat(get("/actuator/prometheus", "prometheus:prometheus").body()).contains("seamline_autonomy_rate");

        // the same 855 interchange again: DUPLICATE, acknowledged again, no second effect
        int tasksBefore =
                json(get("/api/v1/tasks?limit=500", OPS)).path("total").asInt();
        JsonNode again = process("acme:acme", acknowledgement());
        assertThat(again.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.path("statusReason").asText())
                .contains("000001001", ack.path("id").asText());
        assertThat(again.path("events")).isEmpty();
        assertThat(again.path("acknowledgementMessageId").asText()).isEqualTo(ackId);
        assertThat(json(get("/api/v1/tasks?limit=500", OPS)).path("total").asInt())
                .isEqualTo(tasksBefore);
        assertThat(line(json(get("/api/v1/purchase-orders/" + PO, OPS)), "2")
                        .path("promisedDate")
                        .asText())
                .isEqualTo(NEED_BY.plusDays(18).toString());
    }

    private static JsonNode line(JsonNode order, String number) {
        for (JsonNode line : order.path("lines")) {
            if (line.path("lineNumber").asText().equals(number)) {
                return line;
            }
        }
        throw new AssertionError("no line " + number + " in " + order);
    }

    /** This story's open tasks of a kind (other tests share the gateway). */
    private List<JsonNode> openTasks(String kind) {
        return list(json(get("/api/v1/tasks?status=OPEN&kind=" + kind + "&limit=500", OPS))
                        .path("items"))
                .stream()
                .filter(t -> t.path("subject").asText().equals("po/" + PO)
                        || t.path("subject").asText().equals("shipment/SH-9001"))
                .toList();
    }

    private static List<JsonNode> list(java.net.http.HttpResponse<String> response) {
        return list(json(response));
    }

    private static List<JsonNode> list(JsonNode array) {
        var list = new ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }

    static List<Path> outboxFiles(String partner) {
        Path folder = DATA_DIR.resolve("sftp").resolve(partner).resolve("out");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
