package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SLA ledger fed by real partner documents over the API: our 850 opens the 997 and 855 expectations, the
 * supplier's documents meet them and open the ASN's; our 204 opens the 990's, the carrier's status reports keep a
 * heartbeat and its delivery opens the freight invoice's. A partner that misses its deadline shows up in the breaches,
 * with an evidence pack, and in its scorecard.
 */
class SlaFlowIT extends PipelineGatewayIT {

    private static String number() {
        return "45"
                + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                        .substring(0, 8);
    }

    private JsonNode expectation(String subject, String kind) {
        JsonNode items = json(get("/api/v1/sla/expectations?subject=" + subject + "&kind=" + kind, OPS))
                .path("items");
        assertThat(items.size()).as(kind + " of " + subject).isEqualTo(1);
        return items.get(0);
    }

    private void awaitStatus(String subject, String kind, String status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                expectation(subject, kind).path("status").asText())
                        .isEqualTo(status));
    }

    @Test
    void aSuppliersDocumentsMeetWhatOurPurchaseOrderOpened() {
        String po = number();
        String subject = "po/" + po;

        importOrder(po, "acme-supply");

        JsonNode ack = expectation(subject, "ack.functional");
        JsonNode poAck = expectation(subject, "po.acknowledgement");
        assertThat(ack.path("status").asText()).isEqualTo("OPEN");
        assertThat(poAck.path("status").asText()).isEqualTo("OPEN");
        JsonNode order = json(get("/api/v1/messages/" + poAck.path("openedBy").asText(), OPS));
        assertThat(order.path("documentType").asText()).isEqualTo("850");
        assertThat(order.path("direction").asText()).isEqualTo("OUTBOUND");
        String group = order.path("controlNumbers").path("groups").get(0).asText();

        // the 997 for our 850's group
        process("acme:acme", x12("ZZ", "ACMESUPPLY", "FA", nine(), "997", "AK1*PO*" + group, "AK9*A*1*1*1"));
        awaitStatus(subject, "ack.functional", "FULFILLED");

        // the 855 accepts the line for today + 11: the ASN is due before that day starts
        process(
                "acme:acme",
                x12(
                        "ZZ",
                        "ACMESUPPLY",
                        "PR",
                        nine(),
                        "855",
                        "BAK*00*AC*" + po + "*" + edi(today()),
                        "PO1*1*10*EA*2.50**BP*WID-100*VP*AC-W100",
                        "ACK*IA*10*EA*068*" + edi(today().plusDays(11))));
        awaitStatus(subject, "po.acknowledgement", "FULFILLED");
        JsonNode asn = expectation(subject, "asn.due");
        assertThat(asn.path("status").asText()).isEqualTo("OPEN");
        assertThat(asn.path("dueAt").asText()).startsWith(today().plusDays(11) + "T00:00");

        process(
                "acme:acme",
                x12(
                        "ZZ",
                        "ACMESUPPLY",
                        "SH",
                        nine(),
                        "856",
                        "BSN*00*ASN-" + po + "*" + edi(today()) + "*1400*0001",
                        "HL*1**S",
                        "REF*BM*BOL-" + po,
                        "DTM*011*" + edi(today()),
                        "HL*2*1*O",
                        "PRF*" + po,
                        "HL*3*2*I",
                        "LIN*1*BP*WID-100*VP*AC-W100",
                        "SN1**10*EA",
                        "CTT*3"));
        awaitStatus(subject, "asn.due", "FULFILLED");

        // the supplier sees its own expectations, and nobody else's
        JsonNode own = json(get("/api/v1/sla/expectations?subject=" + subject, "acme:acme"));
        var kinds = new java.util.ArrayList<String>();
        own.path("items").forEach(e -> {
            assertThat(e.path("partnerId").asText()).isEqualTo("acme-supply");
            kinds.add(e.path("kind").asText());
        });
        assertThat(kinds).contains("ack.functional", "po.acknowledgement", "asn.due");
        JsonNode other = json(get("/api/v1/sla/expectations?subject=" + subject, "nordic:nordic"));
        assertThat(other.path("items").size()).isZero();
        assertThat(get("/api/v1/sla/breaches", "acme:acme").statusCode()).isEqualTo(403);
    }

    @Test
    void theErpsRequestedAcknowledgementTimeIsTheDeadline() {
        String po = number();
        var response = post(
                "/api/v1/erp/purchase-orders",
                "erp:erp",
                """
                {"poNumber": "%s", "partnerId": "acme-supply", "currency": "USD", "orderDate": "%s",
                 "acknowledgeBy": "%sT17:00:00Z",
                 "lines": [{"lineNumber": "1", "itemId": "WID-100", "quantity": 10, "unit": "EA", "unitPrice": 2.5,
                            "needByDate": "%s"}]}
                """
                        .formatted(po, today(), today().plusDays(5), today().plusDays(10)));
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(expectation("po/" + po, "po.acknowledgement").path("dueAt").asText())
                .isEqualTo(today().plusDays(5) + "T17:00:00Z");
    }

    @Test
    void aCarriersAnswerStatusAndInvoiceMeetWhatOurTenderOpened() {
        String po = number();
        String shipment = "SH-" + po;
        String subject = "shipment/" + shipment;
        importOrder(po, "acme-supply");
        var planned = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight",
                 "references": {"bol": "BOL-%s", "pro": "PRO-%s"}, "poNumbers": ["%s"],
                 "plannedDelivery": "%s", "expectedFreight": {"amount": 1250.00, "currency": "USD"}}
                """
                        .formatted(shipment, po, po, po, today().plusDays(9)));
        assertThat(planned.statusCode()).isEqualTo(200);

        JsonNode tender = expectation(subject, "tender.response");
        assertThat(json(get("/api/v1/messages/" + tender.path("openedBy").asText(), OPS))
                        .path("documentType")
                        .asText())
                .isEqualTo("204");

        process(
                "swift:swift",
                x12("02", "SWFT", "GF", nine(), "990", "B1*SWFT*" + shipment + "*" + edi(today()) + "*A"));
        awaitStatus(subject, "tender.response", "FULFILLED");

        process("swift:swift", status(shipment, po, "AF", "X6", "X6"));
        awaitStatus(subject, "shipment.status", "OPEN");
        assertThat(json(get("/api/v1/sla/expectations?subject=" + subject + "&kind=shipment.status", OPS))
                        .path("items")
                        .size())
                .as("one 214 of three statuses owes one heartbeat; the ones its own statuses met are not kept")
                .isEqualTo(1);

        process("swift:swift", status(shipment, po, "D1"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode all = json(get("/api/v1/sla/expectations?subject=" + subject + "&kind=shipment.status", OPS))
                    .path("items");
            assertThat(all.size()).isEqualTo(1);
            assertThat(all.get(0).path("status").asText()).isEqualTo("FULFILLED");
        });
        JsonNode invoice = expectation(subject, "invoice.freight");
        assertThat(invoice.path("status").asText()).isEqualTo("OPEN");
        assertThat(Duration.between(
                        java.time.Instant.parse(invoice.path("openedAt").asText()),
                        java.time.Instant.parse(invoice.path("dueAt").asText())))
                .isGreaterThanOrEqualTo(Duration.ofDays(30));

        process(
                "swift:swift",
                x12(
                        "02",
                        "SWFT",
                        "IM",
                        nine(),
                        "210",
                        "B3**FI-" + po + "*" + shipment + "*PP**" + edi(today()) + "*125000**" + edi(today())
                                + "*035*SWFT",
                        "C3*USD",
                        "N9*BM*BOL-" + po,
                        "LX*1",
                        "L1*1*1250.00*FR*125000****400",
                        "L3*****125000"));
        awaitStatus(subject, "invoice.freight", "FULFILLED");
    }

    @Test
    void aMissedDeadlineIsABreachWithEvidenceAndCountsInTheScorecard() {
        String partner = "late-" + UUID.randomUUID().toString().substring(0, 8);
        var onboarded = post(
                "/api/v1/partners",
                OPS,
                """
                {"id": "%s", "name": "Late Supplies", "role": "SUPPLIER", "state": "LIVE", "stateReason": "moved from our old gateway",
                 "channels": [{"kind": "PORTAL"}], "sla": {"po.acknowledgement.hours": 0}}
                """
                        .formatted(partner));
        assertThat(onboarded.statusCode()).isEqualTo(201);
        String po = number();

        importOrder(po, partner);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(get("/api/v1/sla/breaches?partnerId=" + partner, OPS))
                                .path("total")
                                .asInt()
                        == 1);
        JsonNode breach = json(get("/api/v1/sla/breaches?partnerId=" + partner, OPS))
                .path("items")
                .get(0);
        assertThat(breach.path("kind").asText()).isEqualTo("po.acknowledgement");
        assertThat(breach.path("subject").asText()).isEqualTo("po/" + po);

        JsonNode pack = json(get("/api/v1/sla/expectations/" + breach.path("id").asText() + "/evidence", OPS));
        assertThat(pack.path("about").path("status").asText()).isEqualTo("BREACHED");
        JsonNode opened = pack.path("messages").get(0);
        assertThat(opened.path("role").asText()).isEqualTo("opened");
        assertThat(opened.path("documentType").asText()).isEqualTo("po.placed");
        assertThat(opened.path("raw").asText()).contains(po);
        assertThat(pack.path("timeline").toString()).contains("breached");
        var page = get("/api/v1/sla/expectations/" + breach.path("id").asText() + "/evidence?format=html", OPS);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Evidence: PO acknowledgement", "po/" + po, "BREACHED");
        assertThat(get("/api/v1/sla/expectations/" + breach.path("id").asText() + "/evidence", "acme:acme")
                        .statusCode())
                .isEqualTo(403);

        JsonNode card = json(get("/api/v1/partners/" + partner + "/scorecard", OPS));
        assertThat(card.path("measures")
                        .path("poAcknowledgementsOnTime")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(card.path("measures")
                        .path("poAcknowledgementsOnTime")
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(card.path("openBreaches").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/partners/" + partner + "/scorecard", "acme:acme")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/partners/acme-supply/scorecard", "acme:acme").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/prometheus", "prometheus:prometheus")
                .body()
                .contains("seamline_scorecard_rate{application=\"seamline\",measure=\"poAcknowledgementsOnTime\","
                        + "partner=\"" + partner + "\"} 0.0"));
    }

    /** A 214 with one status (LX loop) per code, in order. */
    private static String status(String shipment, String po, String... codes) {
        var segments = new ArrayList<String>(
                List.of("214", "B10*PRO-" + po + "*" + shipment + "*SWFT", "L11*BOL-" + po + "*BM"));
        for (int i = 0; i < codes.length; i++) {
            segments.add("LX*" + (i + 1));
            segments.add("AT7*" + codes[i] + "*NS***" + edi(today()) + "*1630*LT");
            segments.add("MS1*MEMPHIS*TN*US");
        }
        return x12("02", "SWFT", "QM", nine(), segments.toArray(String[]::new));
    }

    /** A fresh nine-digit interchange control number. */
    private static String nine() {
        return String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
    }
}
