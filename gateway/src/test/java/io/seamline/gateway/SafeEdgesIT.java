package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every input bounded before it is accepted, and the edges safe by default: numbers no column holds, duplicate keys,
 * bytes and headers that are no valid text, raw bytes served back, the portal's headers and cookie, password guessing,
 * the operational figures, and partner channels pointing inside.
 */
class SafeEdgesIT extends GatewayIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String user, String contentType, byte[] body) {
        return new GatewayClient(port).call("POST", path, user, contentType, body);
    }

    private HttpResponse<String> postJson(String path, String user, String json) {
        return post(path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static String freight(String total) {
        return "{\"invoiceNumber\": \"F-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"kind\": \"FREIGHT\","
                + " \"invoiceDate\": \"2026-12-01\", \"currency\": \"USD\", \"total\": " + total
                + ", \"references\": {\"shipmentId\": \"SH-1001\"}}";
    }

    /** The fields a 400 problem names. */
    private static List<String> fields(HttpResponse<String> response) {
        var fields = new ArrayList<String>();
        json(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void numbersNoColumnHoldsAreRefusedNamingTheFieldAndNothingIsQueued() {
        for (String total : List.of("1e999999999", "1E+999999999", "1e16", "12.345", "-1e-999999999")) {
            var refused = postJson("/api/v1/invoices", "swift:swift", freight(total));
            assertThat(refused.statusCode()).as(total + ": " + refused.body()).isEqualTo(400);
            assertThat(json(refused).path("status").asInt()).isEqualTo(400);
            assertThat(fields(refused)).as(total).contains("total");
        }
        assertThat(postJson("/api/v1/invoices", "swift:swift", freight("1250.00"))
                        .statusCode())
                .isEqualTo(202);

        for (String quantity : List.of("1e999999999", "100000000000000", "1.00001")) {
            var erp = postJson(
                    "/api/v1/erp/purchase-orders",
                    "erp:erp",
                    """
                    {"poNumber": "4900000001", "partnerId": "acme-supply", "currency": "USD", "orderDate": "2026-11-20",
                     "lines": [{"lineNumber": "1", "itemId": "WID-100", "quantity": %s, "unit": "EA",
                                "unitPrice": 2.5, "needByDate": "2026-12-20"}]}
                    """
                            .formatted(quantity));
            assertThat(erp.statusCode()).as(quantity + ": " + erp.body()).isEqualTo(400);
            assertThat(fields(erp)).as(quantity).contains("lines[0].quantity");
        }
        var commitment = postJson(
                "/api/v1/purchase-orders/4500012345/commitments",
                "acme:acme",
                "{\"lines\": [{\"lineNumber\": \"1\", \"quantity\": 1e999999999}]}");
        assertThat(commitment.statusCode()).isEqualTo(400);
        assertThat(fields(commitment)).contains("lines[0].quantity");
    }

    @Test
    void aDocumentWithADuplicateKeyIsRefused() {
        var refused = postJson(
                "/api/v1/invoices",
                "swift:swift",
                "{\"invoiceNumber\": \"F-D1\", \"kind\": \"FREIGHT\", \"invoiceDate\": \"2026-12-01\","
                        + " \"currency\": \"USD\", \"total\": 1, \"total\": 2000}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Duplicate field 'total'");
        var erp = postJson(
                "/api/v1/erp/shipments",
                "erp:erp",
                "{\"shipmentId\": \"SH-D1\", \"carrierId\": \"swift-freight\", \"carrierId\": \"oceanlink\"}");
        assertThat(erp.statusCode()).isEqualTo(400);
    }

    @Test
    void bytesAndHeadersThatAreNoValidTextAreA400NeverA500() throws Exception {
        for (byte[] body : List.of(
                new byte[] {(byte) 0xff, (byte) 0xfe, 'I', 0, 'S', 0, 'A', 0},
                new byte[] {'I', 'S', 'A', (byte) 0xe9},
                new byte[] {(byte) 0xfe, (byte) 0xff})) {
            var edi = post("/api/v1/edi", "acme:acme", "application/edi-x12", body);
            assertThat(edi.statusCode()).as(edi.body()).isEqualTo(400);
            assertThat(json(edi).path("status").asInt()).isEqualTo(400);
            assertThat(json(edi).path("messageStatus").asText()).isEqualTo("REJECTED");
            var document = post("/api/v1/invoices", "swift:swift", "application/json", body);
            assertThat(document.statusCode()).as(document.body()).isEqualTo(400);
        }
        // header values that are no ASCII, on every door
        for (String door : List.of(
                "POST /api/v1/purchase-orders/4500012345/commitments",
                "GET /api/v1/purchase-orders",
                "GET /portal/login",
                "POST /portal/login",
                "GET /services/partners?wsdl",
                "POST /as2",
                "GET /actuator/health")) {
            String method = door.split(" ")[0];
            String path = door.split(" ")[1];
            for (String header : List.of("X-Note", "Idempotency-Key", "AS2-From", "Accept-Language")) {
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", GatewayClient.basic("acme:acme"))
                        .header("Content-Type", "application/json")
                        .header(
                                header,
                                new String(
                                        "caf\u00e9 \u00fc".getBytes(StandardCharsets.UTF_8),
                                        StandardCharsets.ISO_8859_1))
                        .method(
                                method,
                                method.equals("GET")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString("{\"lines\": []}"))
                        .build();
                int status =
                        HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                assertThat(status).as(header + " on " + door).isLessThan(500);
            }
        }
    }

    @Test
    void anInterchangeInLatin1IsKeptByteForByte() {
        byte[] latin1 = PipelineGatewayIT.x12(
                        "ZZ",
                        "ACMESUPPLY",
                        "PR",
                        String.format("%09d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000_000)),
                        "855",
                        "BAK*00*AC*4500012346*20261122",
                        "N1*ST*M\u00fcller Stra\u00dfe")
                .getBytes(StandardCharsets.ISO_8859_1);

        var accepted = post("/api/v1/edi", "acme:acme", "application/edi-x12", latin1);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).path("messageId").asText();
        byte[] raw = rawBytes("/api/v1/messages/" + id + "/raw", "ops:ops").body();
        assertThat(raw).isEqualTo(latin1);
    }

    @Test
    void rawBytesAreADownloadThatRunsNothing() {
        var accepted = postJson("/api/v1/invoices", "swift:swift", freight("1250.00"));
        String id = json(accepted).path("messageId").asText();

        HttpResponse<byte[]> raw = rawBytes("/api/v1/messages/" + id + "/raw", "swift:swift");

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(raw.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'", "sandbox"));
    }

    private HttpResponse<byte[]> rawBytes(String path, String user) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", GatewayClient.basic(user))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePortalSendsAPolicyAndItsSessionCookieStaysOnItsSite() throws Exception {
        var client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var page = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax", "HttpOnly"));
    }

    @Test
    void guessingAPasswordIsSlowedDownForThatUser() throws Exception {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            statuses.add(get("/api/v1/purchase-orders", "nordic:guess" + i).statusCode());
        }
        HttpResponse<String> right = get("/api/v1/purchase-orders", "nordic:nordic");

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.get(5)).isEqualTo(429);
        // even the right password waits, and says how long
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 30));
        assertThat(right.body()).contains("Too many failed sign-ins");
        // the portal's login form waits too; another user does not
        var form = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=nordic&password=nordic"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(429);
        assertThatThrownBy(() -> PortalSession.signIn(port, "nordic", "nordic")).hasMessageContaining("429");
        assertThat(get("/api/v1/purchase-orders", "acme:acme").statusCode()).isEqualTo(200);
    }

    @Test
    void theOperationalFiguresNeedAScrapeUser() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "acme:acme").statusCode()).isEqualTo(403);
        var figures = get("/actuator/prometheus", "prometheus:prometheus");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("jvm_memory_used_bytes");
        // the scrape user reads the figures and nothing else
        assertThat(get("/actuator/metrics", "prometheus:prometheus").statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/purchase-orders", "prometheus:prometheus").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPartnersChannelCannotPointInside() {
        var refused = new ArrayList<String>();
        for (String channel : List.of(
                "{\"kind\": \"WEBHOOK\", \"address\": \"http://127.0.0.1:8080/hook\"}",
                "{\"kind\": \"HTTP\", \"address\": \"http://169.254.169.254/latest/meta-data/\"}",
                "{\"kind\": \"AS2\", \"address\": \"https://10.1.2.3/as2\"}",
                "{\"kind\": \"HTTP\", \"address\": \"http://0177.0.0.1/\"}",
                "{\"kind\": \"HTTP\", \"address\": \"http://0x7f000001/\"}",
                "{\"kind\": \"HTTP\", \"address\": \"http://2130706433/\"}",
                "{\"kind\": \"HTTP\", \"address\": \"http://127.1/\"}",
                "{\"kind\": \"WEBHOOK\", \"address\": \"http://[::1]/hook\"}",
                "{\"kind\": \"WEBHOOK\", \"address\": \"http://[64:ff9b::7f00:1]/hook\"}",
                "{\"kind\": \"WEBHOOK\", \"address\": \"http://[2002:7f00:1::1]/hook\"}",
                "{\"kind\": \"WEBHOOK\", \"address\": \"http://localhost/hook\"}",
                "{\"kind\": \"SFTP\", \"address\": \"sftp://192.168.1.10/in\"}",
                "{\"kind\": \"FILE\", \"address\": \"/etc/seamline\"}",
                "{\"kind\": \"FILE\", \"address\": \"" + DATA_DIR + "/../../etc\"}")) {
            var onboarded = postJson("/api/v1/partners", "ops:ops", partner(channel));
            if (onboarded.statusCode() != 400 || !fields(onboarded).contains("channels[0].address")) {
                refused.add(channel + " -> " + onboarded.statusCode() + " " + onboarded.body());
            }
        }
        assertThat(refused).as("channels that were not refused").isEmpty();
        // public names, even ones that do not resolve yet, and folders inside the data folders are fine
        assertThat(postJson(
                                "/api/v1/partners",
                                "ops:ops",
                                partner("{\"kind\": \"AS2\", \"address\": \"https://as2.partner.example/as2\"}"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(postJson(
                                "/api/v1/partners",
                                "ops:ops",
                                partner("{\"kind\": \"FILE\", \"address\": \"" + DATA_DIR + "/partners/out\"}"))
                        .statusCode())
                .isEqualTo(201);
    }

    private static String partner(String channel) {
        String id = "edge-" + Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000);
        return """
                {"id": "%s", "name": "Edge %s", "role": "SUPPLIER", "state": "LIVE", "stateReason": "moved from our old gateway",
                 "identifiers": [{"scheme": "EMAIL_DOMAIN", "value": "%s.example"}],
                 "channels": [%s]}
                """
                .formatted(id, id, id, channel);
    }
}
