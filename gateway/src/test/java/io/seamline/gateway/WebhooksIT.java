package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.routes.webhooks.WebhookDeliveries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver: a partner subscribes and gets its events signed with its secret; a receiver
 * that fails is retried, then the delivery is parked DEAD for ops, who replay it; internal targets are refused at
 * registration, and at delivery when a redirect points inside.
 */
class WebhooksIT extends PipelineGatewayIT {

    private JsonNode subscribe(String user, String path) {
        var response = post(
                "/api/v1/webhooks", user, "{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(OUTSIDE.url(path)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static String number() {
        return "47"
                + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                        .substring(0, 8);
    }

    @Test
    void aPartnersEventsArriveSignedWithItsSecret() throws Exception {
        String path = "/hooks/acme-" + UUID.randomUUID();
        JsonNode subscription = subscribe("acme:acme", path);
        String secret = subscription.path("secret").asText();
        assertThat(secret).startsWith("whsec_");

        String po = number();
        importOrder(po, "acme-supply"); // the 850 goes to acme: a document.sent event

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !OUTSIDE.requests(path).isEmpty());
        var request = OUTSIDE.requests(path).get(0);
        JsonNode event = io.seamline.mappings.json.Json.mapper().readTree(request.body());
        assertThat(event.path("type").asText()).isEqualTo("document.sent");
        assertThat(event.path("partnerId").asText()).isEqualTo("acme-supply");
        assertThat(event.path("data").path("documentType").asText()).isEqualTo("850");
        assertThat(event.path("data").path("subject").asText()).isEqualTo("po/" + po);
        String header = request.headers().get("Seamline-Signature");
        long timestamp = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(header)
                .isEqualTo(WebhookDeliveries.signature(
                        secret, timestamp, request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookDeliveries.signature(
                        "another secret", timestamp, request.body().getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(header);
        assertThat(request.headers().get("Seamline-Event")).isEqualTo("document.sent");

        // the subscription is the partner's own: another partner neither sees nor ends it
        String id = subscription.path("id").asText();
        assertThat(json(get("/api/v1/webhooks", "nordic:nordic")).path("items").toString())
                .doesNotContain(id);
        assertThat(new GatewayClient(port)
                        .call("DELETE", "/api/v1/webhooks/" + id, "nordic:nordic", null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/webhooks/" + id + "/deliveries", "nordic:nordic")
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(get("/api/v1/webhooks/" + id + "/deliveries", "acme:acme"))
                        .path("items")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("DELIVERED");
    }

    @Test
    void aFailingReceiverIsRetriedThenParkedDeadAndReplayedByOps() {
        String path = "/hooks/down-" + UUID.randomUUID();
        OUTSIDE.answer(path, 503);
        String id = subscribe("acme:acme", path).path("id").asText();

        importOrder(number(), "acme-supply");

        // three attempts (the test gateway's delivery.max-attempts), then DEAD
        await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/v1/webhooks/dead-letters", OPS))
                .path("items")
                .toString()
                .contains(id));
        assertThat(OUTSIDE.requests(path)).hasSize(3);
        assertThat(get("/api/v1/webhooks/dead-letters", "acme:acme").statusCode())
                .isEqualTo(403);
        JsonNode dead = null;
        for (JsonNode d : json(get("/api/v1/webhooks/dead-letters", OPS)).path("items")) {
            if (d.path("webhookId").asText().equals(id)) {
                dead = d;
            }
        }
        assertThat(dead.path("lastError").asText()).contains("503");

        OUTSIDE.answer(path, 200);
        var replay = post("/api/v1/webhooks/deliveries/" + dead.path("id").asText() + "/replay", OPS, null);
        assertThat(replay.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> OUTSIDE.requests(path).size() == 4);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> json(get("/api/v1/webhooks/" + id + "/deliveries", "acme:acme"))
                        .path("items")
                        .get(0)
                        .path("status")
                        .asText()
                        .equals("DELIVERED"));
    }

    @Test
    void refusesInternalTargetsAtRegistration() {
        for (String url : new String[] {
            "http://127.0.0.1:1/hook", // loopback, not the allowed receiver's port
            "http://localhost:9/hook",
            "http://[::1]:8080/hook",
            "http://10.0.0.5/hook",
            "http://172.16.1.1/hook",
            "http://192.168.1.10/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/hook",
            "http://[::ffff:127.0.0.1]/hook",
            "http://0.0.0.0/hook",
            "ftp://example.com/hook",
            "http://user:pass@example.com/hook"
        }) {
            var response = post("/api/v1/webhooks", "acme:acme", "{\"url\": \"%s\"}".formatted(url));
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(json(response).path("errors").get(0).path("field").asText())
                    .as(url)
                    .isEqualTo("url");
        }
    }

    @Test
    void aRedirectToAnInternalAddressIsNotFollowed() {
        String path = "/hooks/redirect-" + UUID.randomUUID();
        OUTSIDE.redirect(path, "http://127.0.0.1:1/internal");
        String id = subscribe("acme:acme", path).path("id").asText();

        importOrder(number(), "acme-supply");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode items = json(get("/api/v1/webhooks/" + id + "/deliveries", "acme:acme"))
                    .path("items");
            return items.size() == 1 && items.get(0).path("status").asText().equals("DEAD");
        });
        JsonNode delivery = json(get("/api/v1/webhooks/" + id + "/deliveries", "acme:acme"))
                .path("items")
                .get(0);
        assertThat(delivery.path("lastError").asText()).contains("target refused", "127.0.0.1:1");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
    }
}
