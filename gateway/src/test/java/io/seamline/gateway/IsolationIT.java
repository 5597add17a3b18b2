package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Partner A (Acme) visits every operation of the API and of the SOAP service with partner B's identifiers (Nordic's PO, OceanLink's shipment,
 * Nordic's messages, expectations and webhook) and learns nothing: a 403 or a 404 identical to "not found", lists
 * without B's objects. The tables must name every operation the OpenAPI document and the WSDL list: a new
 * endpoint without an isolation case fails this test.
 */
class IsolationIT extends PipelineGatewayIT {

    private static final String A = "acme:acme";
    private static final String B_PARTNER = "nordic-components";
    private static final String B_PO = "4500012347";
    private static final String B_SHIPMENT = "SH-1002";

    /**
     * What only B's objects say (A's requests name B's ids, and an answer may repeat what A asked; it must not add
     * any of these): Nordic's name, items and price, OceanLink's container, booking and freight.
     */
    private static final List<String> SECRETS_OF_B = List.of(
            "Nordic Components AB",
            "BRG-6204",
            "NC-6204-2RS",
            "SHF-25",
            "MSCU1234565",
            "OLK-BK-77120",
            "OLKHAM2611001");

    /** OceanLink's expected freight, as a JSON amount (a bare "4800" also turns up in ids, ports and timestamps). */
    private static final java.util.regex.Pattern FREIGHT_OF_B =
            java.util.regex.Pattern.compile("\"amount\"\\s*:\\s*4800(\\.0+)?\\b");

    /** What A must get: refused, not found, or a list that names none of B's objects. */
    enum Expect {
        FORBIDDEN,
        NOT_FOUND,
        NOTHING_OF_B
    }

    record Case(String method, String path, String body, Expect expect) {}

    @Test
    void partnerAFindsNothingOfPartnerBAnywhere() {
        Map<String, String> b = identifiersOfB();
        Map<String, Function<Map<String, String>, Case>> table = table();

        // every operation of the API has a case
        var operations = operations();
        assertThat(new TreeSet<>(table.keySet()))
                .as("isolation cases for every API operation (add one for each new endpoint)")
                .isEqualTo(operations);

        var leaks = new ArrayList<String>();
        for (var entry : table.entrySet()) {
            Case c = entry.getValue().apply(b);
            HttpResponse<String> response = new GatewayClient(port)
                    .call(
                            c.method(),
                            "/api/v1" + c.path(),
                            A,
                            c.path().equals("/edi") ? "application/edifact" : "application/json",
                            c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8));
            int status = response.statusCode();
            boolean ok =
                    switch (c.expect()) {
                        case FORBIDDEN -> status == 403;
                        case NOT_FOUND -> status == 404;
                        case NOTHING_OF_B -> status < 500;
                    };
            if (revealsB(response.body())) {
                ok = false;
            }
            if (!ok) {
                leaks.add(entry.getKey() + " -> " + status + " " + abbreviate(response.body()));
            }
        }
        assertThat(leaks)
                .as("operations that told partner A something of partner B")
                .isEmpty();
    }

    @Test
    void aPartnersViewLeavesOutWhatIsOurs() {
        // the freight we expect to pay is our audit target, not the carrier's business
        JsonNode carried = json(get("/api/v1/shipments/SH-1001", "swift:swift"));
        assertThat(carried.path("shipmentId").asText()).isEqualTo("SH-1001");
        assertThat(carried.path("expectedFreight").isMissingNode()
                        || carried.path("expectedFreight").isNull())
                .isTrue();
        assertThat(json(get("/api/v1/shipments/SH-1001", OPS))
                        .path("expectedFreight")
                        .path("amount")
                        .asInt())
                .isEqualTo(1250);
        // the tolerances we decide with are ours; the SLA it agreed to is its own
        JsonNode own = json(get("/api/v1/partners/acme-supply", A));
        assertThat(own.path("policy").size()).isZero();
        assertThat(own.path("sla").path("po.acknowledgement.hours").asText()).isEqualTo("48");
        assertThat(json(get("/api/v1/partners/acme-supply", OPS))
                        .path("policy")
                        .path("commitment.maxSlipDays")
                        .asText())
                .isEqualTo("2");
    }

    @Test
    void partnerAFindsNothingOfPartnerBThroughSoap() throws Exception {
        var envelopes = new LinkedHashMap<String, String>();
        envelopes.put(
                "ReportShipmentStatus",
                "<p:ReportShipmentStatus><p:shipmentStatus><p:shipmentId>" + B_SHIPMENT + "</p:shipmentId>"
                        + "<p:status>DELIVERED</p:status><p:eventTime>2026-11-22T10:00</p:eventTime>"
                        + "</p:shipmentStatus></p:ReportShipmentStatus>");
        envelopes.put(
                "ReportCustomsStatus",
                "<p:ReportCustomsStatus><p:customsStatus><p:entryNumber>ISO-1</p:entryNumber><p:shipmentId>"
                        + B_SHIPMENT + "</p:shipmentId><p:status>HOLD</p:status></p:customsStatus>"
                        + "</p:ReportCustomsStatus>");
        envelopes.put(
                "SubmitFreightInvoice",
                "<p:SubmitFreightInvoice><p:freightInvoice><p:invoiceNumber>ISO-F1</p:invoiceNumber>"
                        + "<p:invoiceDate>2026-11-22</p:invoiceDate><p:currency>EUR</p:currency><p:total>1</p:total>"
                        + "<p:shipmentId>" + B_SHIPMENT
                        + "</p:shipmentId></p:freightInvoice></p:SubmitFreightInvoice>");

        // every operation of the published WSDL has a case
        String wsdl = get("/services/partners?wsdl", null).body();
        var operations = new TreeSet<String>();
        var matcher = java.util.regex.Pattern.compile("<wsdl:operation name=\"(\\w+)\"")
                .matcher(wsdl);
        while (matcher.find()) {
            operations.add(matcher.group(1));
        }
        assertThat(new TreeSet<>(envelopes.keySet())).isEqualTo(operations);

        var leaks = new ArrayList<String>();
        for (var entry : envelopes.entrySet()) {
            String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:p=\"urn:seamline:partners:v1\"><soap:Body>" + entry.getValue()
                    + "</soap:Body></soap:Envelope>";
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://localhost:" + port + "/services/partners"))
                                    .header("Content-Type", "text/xml; charset=utf-8")
                                    .header("Authorization", GatewayClient.basic(A))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(envelope))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            boolean leaked = revealsB(response.body());
            boolean statusOk = !entry.getKey().equals("ReportShipmentStatus")
                    || response.body().contains("NotFound");
            if (leaked
                    || !statusOk
                    || response.statusCode() >= 500 && !response.body().contains("Fault")) {
                leaks.add(entry.getKey() + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            }
        }
        assertThat(leaks)
                .as("SOAP operations that told partner A something of partner B")
                .isEmpty();
    }

    @Test
    void aSupplierSeesTheShipmentOfItsPoButReportsNothingOnIt() {
        assertThat(get("/api/v1/shipments/SH-1001", A).statusCode()).isEqualTo(200);
        var status = post(
                "/api/v1/shipments/SH-1001/status",
                A,
                "{\"status\": \"DELIVERED\", \"eventTime\": \"2026-11-22T10:00\"}");
        assertThat(status.statusCode()).isEqualTo(404);
    }

    @Test
    void aCarrierCannotReachAPurchaseOrderItDoesNotCarry() {
        // Swift advises a shipment against Nordic's PO, which none of its shipments carries
        var advised = post(
                "/api/v1/shipments/notices",
                "swift:swift",
                """
                {"shipmentId": "ASN-SWIFT-ISO", "shipDate": "%s",
                 "lines": [{"poNumber": "%s", "lineNumber": "10", "quantity": 1, "unit": "EA"}]}
                """
                        .formatted(today(), B_PO));
        assertThat(advised.statusCode()).isEqualTo(202);
        String messageId = json(advised).path("messageId").asText();
        awaitEnd(messageId);

        JsonNode line =
                json(get("/api/v1/purchase-orders/" + B_PO, OPS)).path("lines").get(0);
        assertThat(line.path("shippedQuantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(json(get("/api/v1/purchase-orders/" + B_PO + "/timeline", OPS))
                        .toString())
                .doesNotContain(messageId);
        assertThat(json(get("/api/v1/tasks?status=OPEN&kind=UNMATCHED_MESSAGE&partnerId=swift-freight", OPS))
                        .toString())
                .contains(messageId);
    }

    @Test
    void aCarriersStatusOnItsOwnShipmentDoesNotReachAnotherPartnersPurchaseOrder() {
        // Swift's own SH-1001, with Nordic's PO named on it and a delay
        JsonNode message = swiftDelays("B10*PRO-5521907*SH-1001*SWFT", "L11*" + B_PO + "*PO");

        assertThat(message.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(json(get("/api/v1/purchase-orders/" + B_PO + "/timeline", OPS))
                        .toString())
                .doesNotContain(message.path("id").asText());
        assertThat(json(get("/api/v1/shipments/SH-1001/timeline", OPS)).toString())
                .contains(message.path("id").asText());
    }

    @Test
    void aCarriersStatusNamingAnotherCarriersShipmentChangesNothingOfIt() {
        JsonNode before = json(get("/api/v1/shipments/" + B_SHIPMENT, OPS));
        // Swift names OceanLink's SH-1002 by its id and its BOL, with a delay
        JsonNode message = swiftDelays("B10*OLKHAM2611001*" + B_SHIPMENT + "*SWFT", "L11*OLKHAM2611001*BM");

        JsonNode after = json(get("/api/v1/shipments/" + B_SHIPMENT, OPS));
        assertThat(after.path("status")).isEqualTo(before.path("status"));
        assertThat(after.path("estimatedDelivery")).isEqualTo(before.path("estimatedDelivery"));
        assertThat(json(get("/api/v1/shipments/" + B_SHIPMENT + "/timeline", OPS))
                        .toString())
                .doesNotContain(message.path("id").asText());
        assertThat(get("/api/v1/shipments/" + B_SHIPMENT, "swift:swift").statusCode())
                .isEqualTo(404);
    }

    /** Swift's X12 214 with these B10 and L11 segments: picked up today, delayed by 90 days; processed. */
    private JsonNode swiftDelays(String b10, String l11) {
        String control = String.format(
                "%09d", Math.floorMod(java.util.UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        return process(
                "swift:swift",
                x12(
                        "02",
                        "SWFT",
                        "QM",
                        control,
                        "214",
                        b10,
                        l11,
                        "LX*1",
                        "AT7*SD*AO***" + edi(today()) + "*1630*LT",
                        "AT7*AG****" + edi(today().plusDays(90)) + "*1000*LT"));
    }

    /** B's objects, found as an internal user. */
    private Map<String, String> identifiersOfB() {
        var b = new LinkedHashMap<String, String>();
        b.put("po", B_PO);
        b.put("shipment", B_SHIPMENT);
        assertThat(FREIGHT_OF_B.matcher(
                        get("/api/v1/shipments/" + B_SHIPMENT, OPS).body()))
                .as("the freight check recognises B's freight where it is shown")
                .matches(java.util.regex.Matcher::find);
        JsonNode messages =
                json(get("/api/v1/messages?partnerId=" + B_PARTNER, OPS)).path("items");
        assertThat(messages.size()).as("the demo sent Nordic its PO").isPositive();
        b.put("message", messages.get(0).path("id").asText());
        JsonNode expectations = json(get("/api/v1/sla/expectations?partnerId=" + B_PARTNER, OPS))
                .path("items");
        assertThat(expectations.size()).isPositive();
        b.put("expectation", expectations.get(0).path("id").asText());
        var webhook =
                post("/api/v1/webhooks", "nordic:nordic", "{\"url\": \"%s\"}".formatted(OUTSIDE.url("/hooks/nordic")));
        assertThat(webhook.statusCode()).isEqualTo(201);
        b.put("webhook", json(webhook).path("id").asText());
        // a deduction of B's: goods of its PO rejected on receipt
        var receipt = post(
                "/api/v1/erp/receipts",
                "erp:erp",
                ("{\"receiptId\": \"ISO-%s\", \"poNumber\": \"%s\", \"receivedAt\": \"2026-11-22\", \"lines\":"
                                + " [{\"lineNumber\": \"10\", \"quantity\": 1, \"rejectedQuantity\": 1,"
                                + " \"reason\": \"damaged\"}]}")
                        .formatted(java.util.UUID.randomUUID(), B_PO));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        JsonNode deductions =
                json(get("/api/v1/deductions?partnerId=" + B_PARTNER, OPS)).path("items");
        assertThat(deductions.size()).isPositive();
        b.put("deduction", deductions.get(0).path("number").asText());
        b.put("partner", "Nordic Components AB");
        return b;
    }

    private static String nordicInterchange() {
        return "UNA:+.? 'UNB+UNOC:3+5790000000012:14+5412345000013:14+261122:0930+ISO1'"
                + "UNH+1+ORDRSP:D:96A:UN:EAN008'BGM+231+" + B_PO + "+29'UNT+3+1'UNZ+1+ISO1'";
    }

    private static Map<String, Function<Map<String, String>, Case>> table() {
        var t = new LinkedHashMap<String, Function<Map<String, String>, Case>>();
        t.put("GET /partners", b -> new Case("GET", "/partners", null, Expect.NOTHING_OF_B));
        t.put("POST /partners", b -> new Case("POST", "/partners", "{}", Expect.FORBIDDEN));
        t.put("GET /partners/{id}", b -> new Case("GET", "/partners/" + B_PARTNER, null, Expect.NOT_FOUND));
        t.put("PUT /partners/{id}", b -> new Case("PUT", "/partners/" + B_PARTNER, "{}", Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/scorecard",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/scorecard", null, Expect.NOT_FOUND));
        t.put(
                "GET /partners/{id}/certificates",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/certificates", null, Expect.NOT_FOUND));
        t.put(
                "GET /partners/{id}/versions",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/versions", null, Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/versions/{version}",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/versions/1", null, Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/versions/{version}/diff",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/versions/1/diff", null, Expect.FORBIDDEN));
        t.put(
                "POST /partners/{id}/versions/{version}/rollback",
                b -> new Case(
                        "POST",
                        "/partners/" + B_PARTNER + "/versions/1/rollback",
                        "{\"reason\": \"mine now\"}",
                        Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/mapping",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/mapping", null, Expect.FORBIDDEN));
        t.put(
                "PUT /partners/{id}/mapping",
                b -> new Case("PUT", "/partners/" + B_PARTNER + "/mapping", "{}", Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/mapping/versions",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/mapping/versions", null, Expect.FORBIDDEN));
        t.put(
                "POST /partners/{id}/mapping/versions/{version}/rollback",
                b -> new Case(
                        "POST",
                        "/partners/" + B_PARTNER + "/mapping/versions/0/rollback",
                        "{\"reason\": \"mine\"}",
                        Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/template",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/template", null, Expect.FORBIDDEN));
        t.put(
                "PUT /partners/{id}/template",
                b -> new Case("PUT", "/partners/" + B_PARTNER + "/template", "{}", Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/template/versions",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/template/versions", null, Expect.FORBIDDEN));
        t.put(
                "POST /partners/{id}/template/versions/{version}/rollback",
                b -> new Case(
                        "POST",
                        "/partners/" + B_PARTNER + "/template/versions/0/rollback",
                        "{\"reason\": \"mine\"}",
                        Expect.FORBIDDEN));
        t.put("GET /configuration", b -> new Case("GET", "/configuration", null, Expect.FORBIDDEN));
        t.put("POST /configuration", b -> new Case("POST", "/configuration?dryRun=true", "{}", Expect.FORBIDDEN));
        t.put("GET /replays", b -> new Case("GET", "/replays", null, Expect.FORBIDDEN));
        // the data lifecycle, bulk jobs and ops alerts are ours: a partner reaches none of it
        String nothing = "00000000-0000-0000-0000-000000000000";
        t.put("GET /admin/retention", b -> new Case("GET", "/admin/retention", null, Expect.FORBIDDEN));
        t.put(
                "POST /admin/retention/runs",
                b -> new Case("POST", "/admin/retention/runs", "{\"dryRun\": true}", Expect.FORBIDDEN));
        t.put("GET /admin/holds", b -> new Case("GET", "/admin/holds", null, Expect.FORBIDDEN));
        t.put(
                "POST /admin/holds",
                b -> new Case(
                        "POST",
                        "/admin/holds",
                        "{\"subject\": \"partner/" + B_PARTNER + "\", \"reason\": \"x\"}",
                        Expect.FORBIDDEN));
        t.put(
                "DELETE /admin/holds/{id}",
                b -> new Case("DELETE", "/admin/holds/" + nothing + "?reason=x", null, Expect.FORBIDDEN));
        t.put(
                "POST /admin/erasures",
                b -> new Case(
                        "POST", "/admin/erasures", "{\"name\": \"Nordic\", \"reason\": \"x\"}", Expect.FORBIDDEN));
        for (String op : List.of("reprocess", "resend", "retry")) {
            t.put(
                    "POST /bulk/" + op,
                    b -> new Case(
                            "POST",
                            "/bulk/" + op,
                            "{\"filter\": {\"partnerId\": \"" + B_PARTNER + "\"}}",
                            Expect.FORBIDDEN));
        }
        t.put("GET /jobs", b -> new Case("GET", "/jobs", null, Expect.FORBIDDEN));
        t.put("GET /jobs/{id}", b -> new Case("GET", "/jobs/" + nothing, null, Expect.FORBIDDEN));
        t.put("POST /jobs/{id}/cancel", b -> new Case("POST", "/jobs/" + nothing + "/cancel", null, Expect.FORBIDDEN));
        t.put("DELETE /jobs/{id}", b -> new Case("DELETE", "/jobs/" + nothing, null, Expect.FORBIDDEN));
        t.put("GET /ops/subscriptions", b -> new Case("GET", "/ops/subscriptions", null, Expect.FORBIDDEN));
        t.put(
                "POST /ops/subscriptions",
                b -> new Case("POST", "/ops/subscriptions", "{\"url\": \"https://example.com/x\"}", Expect.FORBIDDEN));
        t.put(
                "POST /replays",
                b -> new Case(
                        "POST",
                        "/replays",
                        "{\"partnerId\": \"" + B_PARTNER + "\", \"from\": \"2026-11-01T00:00:00Z\","
                                + " \"to\": \"2026-12-01T00:00:00Z\","
                                + " \"draft\": {\"policy\": {\"commitment.maxSlipDays\": \"9\"}}}",
                        Expect.FORBIDDEN));
        t.put(
                "GET /replays/{id}",
                b -> new Case("GET", "/replays/00000000-0000-0000-0000-000000000000", null, Expect.FORBIDDEN));
        t.put(
                "POST /replays/{id}/cancel",
                b -> new Case("POST", "/replays/00000000-0000-0000-0000-000000000000/cancel", null, Expect.FORBIDDEN));
        t.put("GET /audit", b -> new Case("GET", "/audit?partnerId=" + B_PARTNER, null, Expect.FORBIDDEN));
        t.put(
                "GET /partners/{id}/certification",
                b -> new Case("GET", "/partners/" + B_PARTNER + "/certification", null, Expect.NOT_FOUND));
        t.put(
                "POST /partners/{id}/certification/{direction}/{documentType}/state",
                b -> new Case(
                        "POST",
                        "/partners/" + B_PARTNER + "/certification/inbound/ORDRSP/state",
                        "{\"state\": \"LIVE\", \"reason\": \"taking over\", \"override\": true}",
                        Expect.FORBIDDEN));
        t.put(
                "POST /partners/{id}/certificates",
                b -> new Case("POST", "/partners/" + B_PARTNER + "/certificates", "{}", Expect.FORBIDDEN));
        t.put(
                "DELETE /partners/{id}/certificates/{certificateId}",
                b -> new Case(
                        "DELETE",
                        "/partners/" + B_PARTNER + "/certificates/00000000-0000-0000-0000-000000000000",
                        null,
                        Expect.FORBIDDEN));
        t.put("POST /erp/purchase-orders", b -> new Case("POST", "/erp/purchase-orders", "{}", Expect.FORBIDDEN));
        t.put("POST /erp/shipments", b -> new Case("POST", "/erp/shipments", "{}", Expect.FORBIDDEN));
        t.put("POST /erp/receipts", b -> new Case("POST", "/erp/receipts", "{}", Expect.FORBIDDEN));
        t.put("POST /erp/payments", b -> new Case("POST", "/erp/payments", "{}", Expect.FORBIDDEN));
        t.put("GET /payments", b -> new Case("GET", "/payments?partnerId=" + B_PARTNER, null, Expect.NOTHING_OF_B));
        t.put("GET /deductions", b -> new Case("GET", "/deductions?partnerId=" + B_PARTNER, null, Expect.NOTHING_OF_B));
        t.put(
                "GET /deductions/{number}",
                b -> new Case("GET", "/deductions/" + b.get("deduction"), null, Expect.NOT_FOUND));
        t.put(
                "POST /deductions/{number}/dispute",
                b -> new Case(
                        "POST",
                        "/deductions/" + b.get("deduction") + "/dispute",
                        "{\"reason\": \"not really mine\"}",
                        Expect.NOT_FOUND));
        t.put(
                "GET /purchase-orders",
                b -> new Case("GET", "/purchase-orders?partnerId=" + B_PARTNER, null, Expect.NOTHING_OF_B));
        t.put("GET /purchase-orders/{po}", b -> new Case("GET", "/purchase-orders/" + B_PO, null, Expect.NOT_FOUND));
        t.put(
                "GET /purchase-orders/{po}/timeline",
                b -> new Case("GET", "/purchase-orders/" + B_PO + "/timeline", null, Expect.NOT_FOUND));
        t.put(
                "POST /purchase-orders/{po}/commitments",
                b -> new Case(
                        "POST",
                        "/purchase-orders/" + B_PO + "/commitments",
                        "{\"lines\": [{\"lineNumber\": \"1\", \"quantity\": 1}]}",
                        Expect.NOT_FOUND));
        t.put(
                "POST /purchase-orders/{po}/acknowledgement",
                b -> new Case(
                        "POST",
                        "/purchase-orders/" + B_PO + "/acknowledgement",
                        "{\"ackType\": \"REJECTED\"}",
                        Expect.NOT_FOUND));
        t.put("POST /edi", b -> new Case("POST", "/edi", nordicInterchange(), Expect.FORBIDDEN));
        t.put(
                "GET /shipments",
                b -> new Case("GET", "/shipments?carrierId=oceanlink&poNumber=" + B_PO, null, Expect.NOTHING_OF_B));
        t.put("GET /shipments/{id}", b -> new Case("GET", "/shipments/" + B_SHIPMENT, null, Expect.NOT_FOUND));
        t.put(
                "GET /shipments/{id}/timeline",
                b -> new Case("GET", "/shipments/" + B_SHIPMENT + "/timeline", null, Expect.NOT_FOUND));
        t.put(
                "POST /shipments/{id}/status",
                b -> new Case(
                        "POST",
                        "/shipments/" + B_SHIPMENT + "/status",
                        "{\"status\": \"DELIVERED\", \"eventTime\": \"2026-11-22T10:00\"}",
                        Expect.NOT_FOUND));
        // documents are always the caller's own: naming B's PO makes an unmatched message of A's, nothing of B's
        t.put(
                "POST /shipments/notices",
                b -> new Case(
                        "POST",
                        "/shipments/notices",
                        "{\"shipmentId\": \"X\", \"shipDate\": \"2026-11-22\", \"lines\": [{\"poNumber\": \"" + B_PO
                                + "\", \"lineNumber\": \"1\", \"quantity\": 1}]}",
                        Expect.NOTHING_OF_B));
        t.put(
                "POST /invoices",
                b -> new Case(
                        "POST",
                        "/invoices",
                        "{\"invoiceNumber\": \"I-ISO\", \"kind\": \"GOODS\", \"invoiceDate\": \"2026-11-22\", \"currency\":"
                                + " \"EUR\", \"total\": 1, \"poNumbers\": [\"" + B_PO + "\"]}",
                        Expect.NOTHING_OF_B));
        t.put("GET /messages", b -> new Case("GET", "/messages?partnerId=" + B_PARTNER, null, Expect.NOTHING_OF_B));
        t.put("GET /messages/{id}", b -> new Case("GET", "/messages/" + b.get("message"), null, Expect.NOT_FOUND));
        t.put(
                "GET /messages/{id}/raw",
                b -> new Case("GET", "/messages/" + b.get("message") + "/raw", null, Expect.NOT_FOUND));
        t.put(
                "POST /messages/{id}/reprocess",
                b -> new Case("POST", "/messages/" + b.get("message") + "/reprocess", null, Expect.FORBIDDEN));
        t.put("GET /tasks", b -> new Case("GET", "/tasks?partnerId=" + B_PARTNER, null, Expect.FORBIDDEN));
        t.put(
                "GET /tasks/{id}",
                b -> new Case("GET", "/tasks/00000000-0000-0000-0000-000000000000", null, Expect.FORBIDDEN));
        t.put(
                "POST /tasks/{id}/decision",
                b -> new Case("POST", "/tasks/00000000-0000-0000-0000-000000000000/decision", "{}", Expect.FORBIDDEN));
        t.put("GET /metrics/autonomy", b -> new Case("GET", "/metrics/autonomy", null, Expect.FORBIDDEN));
        t.put(
                "GET /sla/breaches",
                b -> new Case("GET", "/sla/breaches?partnerId=" + B_PARTNER, null, Expect.FORBIDDEN));
        t.put(
                "GET /sla/expectations",
                b -> new Case("GET", "/sla/expectations?partnerId=" + B_PARTNER, null, Expect.NOTHING_OF_B));
        t.put(
                "GET /sla/expectations/{id}",
                b -> new Case("GET", "/sla/expectations/" + b.get("expectation"), null, Expect.NOT_FOUND));
        t.put(
                "GET /sla/expectations/{id}/evidence",
                b -> new Case(
                        "GET", "/sla/expectations/" + b.get("expectation") + "/evidence", null, Expect.FORBIDDEN));
        t.put(
                "GET /sla/messages/{id}/evidence",
                b -> new Case("GET", "/sla/messages/" + b.get("message") + "/evidence", null, Expect.FORBIDDEN));
        t.put("GET /scorecards", b -> new Case("GET", "/scorecards", null, Expect.FORBIDDEN));
        t.put(
                "POST /webhooks",
                b -> new Case(
                        "POST",
                        "/webhooks",
                        "{\"url\": \"http://127.0.0.1:1/x\", \"partnerId\": \"" + B_PARTNER + "\"}",
                        Expect.NOTHING_OF_B));
        t.put("GET /webhooks", b -> new Case("GET", "/webhooks", null, Expect.NOTHING_OF_B));
        t.put(
                "DELETE /webhooks/{id}",
                b -> new Case("DELETE", "/webhooks/" + b.get("webhook"), null, Expect.NOT_FOUND));
        t.put(
                "GET /webhooks/{id}/deliveries",
                b -> new Case("GET", "/webhooks/" + b.get("webhook") + "/deliveries", null, Expect.NOT_FOUND));
        t.put("GET /webhooks/dead-letters", b -> new Case("GET", "/webhooks/dead-letters", null, Expect.FORBIDDEN));
        t.put(
                "POST /webhooks/deliveries/{id}/replay",
                b -> new Case(
                        "POST",
                        "/webhooks/deliveries/00000000-0000-0000-0000-000000000000/replay",
                        null,
                        Expect.FORBIDDEN));
        return t;
    }

    /** Every operation of the OpenAPI document, as {@code METHOD /path}. */
    private TreeSet<String> operations() {
        JsonNode paths = json(get("/api/v1/openapi.json", null)).path("paths");
        var operations = new TreeSet<String>();
        paths.fieldNames()
                .forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                    }
                }));
        return operations;
    }

    private static boolean revealsB(String body) {
        return body != null
                && (SECRETS_OF_B.stream().anyMatch(body::contains)
                        || FREIGHT_OF_B.matcher(body).find());
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
