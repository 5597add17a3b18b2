package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retrying a POST is safe with an Idempotency-Key (the same key and body get the first answer again, another body is
 * refused), and a partner that calls too often is slowed down with 429 and Retry-After.
 */
class RequestSafetyIT extends GatewayIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String user, String key, String json) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", GatewayClient.basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String order(String po, int quantity) {
        return """
                {"poNumber": "%s", "partnerId": "acme-supply", "currency": "USD", "orderDate": "2026-11-20",
                 "lines": [{"lineNumber": "1", "itemId": "WID-100", "quantity": %d, "unit": "EA", "unitPrice": 2.5,
                            "needByDate": "2026-12-20"}]}
                """
                .formatted(po, quantity);
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAndAnotherBodyIsRefused() throws Exception {
        String po = "IK" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();

        var first = post("/api/v1/erp/purchase-orders", "erp:erp", key, order(po, 5));
        var again = post("/api/v1/erp/purchase-orders", "erp:erp", key, order(po, 5));
        var other = post("/api/v1/erp/purchase-orders", "erp:erp", key, order(po, 7));
        var fresh =
                post("/api/v1/erp/purchase-orders", "erp:erp", UUID.randomUUID().toString(), order(po, 5));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("CREATED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("Idempotency-Key");
        // without the key's protection the same import is simply UNCHANGED the second time
        assertThat(fresh.body()).contains("UNCHANGED");
        // the key belongs to its caller: another caller's same key is its own
        var ops = post("/api/v1/erp/purchase-orders", "ops:ops", key, order(po, 7));
        assertThat(ops.statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedRequestIsRefusedAgainWithTheSameKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String bad = order("IK-BAD", -1);

        var first = post("/api/v1/erp/purchase-orders", "erp:erp", key, bad);
        var again = post("/api/v1/erp/purchase-orders", "erp:erp", key, bad);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void aPartnerOverItsLimitIsToldWhenToComeBack() throws Exception {
        // the gateway of these tests lets partner "throttled" make 1 request a second, 3 at once
        String token = IDENTITY.issueToken(
                        REALM,
                        "throttled-client",
                        "seamline-api",
                        Map.of("realm_access", Map.of("roles", List.of("partner")), "partner_id", "throttled"),
                        300)
                .serialize();
        var statuses = new ArrayList<Integer>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 5; i++) {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/purchase-orders"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses.get(3)).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.body()).contains("over its limit");
        // other partners are not slowed down by it
        assertThat(get("/api/v1/purchase-orders", "acme:acme").statusCode()).isEqualTo(200);
    }
}
