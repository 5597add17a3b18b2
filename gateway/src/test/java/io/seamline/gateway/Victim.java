package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Another partner's objects, made fresh for one attack: a PO of Nordic's on a planned OceanLink shipment with a
 * customs broker of its own, every reference unique. An attacker's documents name them; afterwards nothing of them may
 * have changed, and nothing of the attempt may be on their timelines.
 */
record Victim(
        int port,
        String po,
        String shipment,
        String bol,
        String pro,
        String container,
        String booking,
        String awb,
        String broker) {

    static final String OPS = "ops:ops";
    static final String SUPPLIER = "nordic-components";
    static final String CARRIER = "oceanlink";

    /** Creates the victim's PO, broker and shipment, and waits until what their creation set off has settled. */
    static Victim create(int port) {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000);
        String digits = String.format("%07d", n);
        var victim = new Victim(
                port,
                "47" + String.format("%08d", n),
                "VS-" + digits,
                "VBOL" + digits,
                "VPRO" + digits,
                "VICU" + digits,
                "VBK" + digits,
                "176" + digits,
                "vb-" + digits);
        var client = new GatewayClient(port);
        expect(
                201,
                client.call(
                        "POST",
                        "/api/v1/partners",
                        OPS,
                        "application/json",
                        bytes(
                                """
                                {"id": "%s", "name": "Victim Brokers %s", "role": "BROKER", "state": "LIVE", "stateReason": "moved from our old gateway",
                                 "identifiers": [{"scheme": "EDIFACT", "qualifier": "ZZZ", "value": "VB%s"}],
                                 "channels": [{"kind": "PORTAL"}]}
                                """
                                        .formatted(victim.broker, digits, digits))));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        expect(
                200,
                client.call(
                        "POST",
                        "/api/v1/erp/purchase-orders",
                        "erp:erp",
                        "application/json",
                        bytes(
                                """
                                {"poNumber": "%s", "partnerId": "%s", "currency": "EUR", "orderDate": "%s",
                                 "lines": [{"lineNumber": "10", "itemId": "BRG-6204", "partnerItemId": "NC-6204-2RS",
                                            "quantity": 100, "unit": "EA", "unitPrice": 3.10, "needByDate": "%s"}]}
                                """
                                        .formatted(victim.po, SUPPLIER, today, today.plusDays(40)))));
        expect(
                200,
                client.call(
                        "POST",
                        "/api/v1/erp/shipments",
                        "erp:erp",
                        "application/json",
                        bytes(
                                """
                                {"shipmentId": "%s", "carrierId": "%s", "brokerId": "%s",
                                 "references": {"bol": "%s", "pro": "%s", "container": "%s", "booking": "%s",
                                                "awb": "%s"},
                                 "poNumbers": ["%s"], "plannedDelivery": "%s",
                                 "expectedFreight": {"amount": 900.00, "currency": "EUR"}}
                                """
                                        .formatted(
                                                victim.shipment,
                                                CARRIER,
                                                victim.broker,
                                                victim.bol,
                                                victim.pro,
                                                victim.container,
                                                victim.booking,
                                                victim.awb,
                                                victim.po,
                                                today.plusDays(30)))));
        victim.settle();
        return victim;
    }

    /** What partners' documents could change of the victim's objects, as internal users see it. */
    record Snapshot(JsonNode lines, JsonNode shipment) {}

    Snapshot snapshot() {
        JsonNode order = json(get("/api/v1/purchase-orders/" + po, OPS));
        var lines = Json.mapper().createArrayNode();
        for (JsonNode line : order.path("lines")) {
            var kept = lines.addObject();
            for (String field : List.of(
                    "lineNumber",
                    "status",
                    "promisedDate",
                    "promisedQuantity",
                    "shippedQuantity",
                    "invoicedQuantity",
                    "receivedQuantity")) {
                kept.set(field, line.path(field));
            }
        }
        JsonNode found = json(get("/api/v1/shipments/" + shipment, OPS));
        var kept = Json.mapper().createObjectNode();
        for (String field :
                List.of("status", "estimatedDelivery", "carrierId", "brokerId", "poNumbers", "references")) {
            kept.set(field, found.path(field));
        }
        return new Snapshot(lines, kept);
    }

    /**
     * Nothing of the victim changed, nothing of the attack is on its timelines (no entry from the attack's messages,
     * none by or naming an attacker), and no attacker can read the victim's PO, shipment or their timelines.
     */
    void assertUntouched(
            Snapshot before, Collection<String> attackMessages, Collection<String> attackers, List<String> users) {
        Snapshot after = snapshot();
        assertThat(after.lines()).as("the victim's PO lines").isEqualTo(before.lines());
        assertThat(after.shipment()).as("the victim's shipment").isEqualTo(before.shipment());
        var traces = new ArrayList<String>();
        for (String timeline :
                List.of("/api/v1/purchase-orders/" + po + "/timeline", "/api/v1/shipments/" + shipment + "/timeline")) {
            for (JsonNode entry : json(get(timeline, OPS))) {
                String text = entry.toString();
                boolean fromAttack =
                        attackMessages.contains(entry.path("messageId").asText());
                boolean namesAttacker = attackers.stream().anyMatch(text::contains);
                if (fromAttack || namesAttacker) {
                    traces.add(timeline + ": " + text);
                }
            }
        }
        assertThat(traces).as("entries of the attack on the victim's timelines").isEmpty();
        for (String user : users) {
            for (String path : List.of(
                    "/api/v1/purchase-orders/" + po,
                    "/api/v1/purchase-orders/" + po + "/timeline",
                    "/api/v1/shipments/" + shipment,
                    "/api/v1/shipments/" + shipment + "/timeline")) {
                assertThat(get(path, user).statusCode())
                        .as(user + " reads " + path)
                        .isEqualTo(404);
            }
        }
    }

    /** Waits until the victim's timelines stop growing: what importing it set off (an 850, a tender) is done. */
    private void settle() {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(600))
                .until(() -> {
                    int size = json(get("/api/v1/purchase-orders/" + po + "/timeline", OPS))
                                    .size()
                            + json(get("/api/v1/shipments/" + shipment + "/timeline", OPS))
                                    .size();
                    boolean same = size == last[0];
                    last[0] = size;
                    return same;
                });
    }

    private HttpResponse<String> get(String path, String user) {
        return new GatewayClient(port).call("GET", path, user, null, null);
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
