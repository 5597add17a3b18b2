package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiIT extends GatewayIT {

    private static final String OPS = "ops:ops";
    private static final String ACME = "acme:acme";

    private static String po(String number, String partner, String quantity) {
        return """
                {"poNumber": "%s", "partnerId": "%s", "currency": "USD", "orderDate": "2026-11-22",
                 "lines": [{"lineNumber": "1", "itemId": "WID-9", "quantity": %s, "unit": "EA", "unitPrice": 1.25,
                            "needByDate": "2026-12-20"},
                           {"lineNumber": "2", "itemId": "WID-8", "quantity": 3, "unit": "EA", "unitPrice": 9,
                            "needByDate": "2026-12-21"}]}
                """
                .formatted(number, partner, quantity);
    }

    private static String number() {
        return "45" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Test
    void listsTheDemoPurchaseOrdersToOperations() {
        var response = get("/api/v1/purchase-orders?limit=100", OPS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("items").findValuesAsText("poNumber"))
                .contains("4500012345", "4500012347", "4500012349");
    }

    @Test
    void readsBackAPurchaseOrderTheErpPosted() {
        String number = number();

        var posted = post("/api/v1/erp/purchase-orders", OPS, po(number, "acme-supply", "10"));

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(json(posted).path("purchaseOrders").path(number).asText()).isEqualTo("CREATED");
        var read = json(get("/api/v1/purchase-orders/" + number, OPS));
        assertThat(read.path("partnerId").asText()).isEqualTo("acme-supply");
        assertThat(read.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(read.path("lines").get(0).path("openQuantity").decimalValue())
                .isEqualByComparingTo("10");
    }

    @Test
    void showsAPartnerItsOwnPurchaseOrderAndHidesAnotherPartnersBehindA404() {
        var own = get("/api/v1/purchase-orders/4500012345", ACME);
        var others = get("/api/v1/purchase-orders/4500012347", ACME);
        var missing = get("/api/v1/purchase-orders/4599999999", ACME);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(others.body()).isEqualTo(missing.body().replace("4599999999", "4500012347"));
        assertThat(json(get("/api/v1/purchase-orders?limit=500", ACME))
                        .path("items")
                        .findValuesAsText("partnerId"))
                .isNotEmpty()
                .allMatch("acme-supply"::equals);
        assertThat(get("/api/v1/shipments/SH-1002", ACME).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/shipments/SH-1002", "oceanlink:oceanlink").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/partners/nordic-components", ACME).statusCode()).isEqualTo(404);
    }

    @Test
    void answersMalformedJsonWithAProblemDetail() {
        var response = post("/api/v1/erp/purchase-orders", OPS, "{\"poNumber\": \"45\", \"lines\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("errors").get(0).path("message").asText())
                .startsWith("malformed JSON");
    }

    @Test
    void refusesAnUnknownPartnerAndWritesNothingOfTheBatch() {
        String good = number();
        String bad = number();

        var response = post(
                "/api/v1/erp/purchase-orders",
                OPS,
                "[" + po(good, "acme-supply", "1") + "," + po(bad, "no-such-partner", "1") + "]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("[1].partnerId");
        assertThat(json(response).path("errors").get(0).path("message").asText())
                .isEqualTo("unknown partner: no-such-partner");
        assertThat(get("/api/v1/purchase-orders/" + good, OPS).statusCode()).isEqualTo(404);
    }

    @Test
    void namesDuplicateLineNumbersAndNegativeQuantities() {
        String number = number();
        var duplicate = post(
                "/api/v1/erp/purchase-orders",
                OPS,
                po(number, "acme-supply", "1").replace("\"2\"", "\"1\""));
        var negative = post("/api/v1/erp/purchase-orders", OPS, po(number, "acme-supply", "-4"));

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(json(duplicate).path("errors").get(0).path("field").asText()).isEqualTo("lines[1].lineNumber");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative).path("errors").get(0).path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(json(negative).path("detail").asText()).contains("nothing was imported");
        assertThat(get("/api/v1/purchase-orders/" + number, OPS).statusCode()).isEqualTo(404);
    }

    @Test
    void keepsPartnersAwayFromErpImportAndStrangersAwayFromEverything() {
        assertThat(post("/api/v1/erp/purchase-orders", ACME, po(number(), "acme-supply", "1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/purchase-orders", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/purchase-orders", "ops:wrong").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/erp/purchase-orders", "erp:erp", po(number(), "acme-supply", "1"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void onboardsAPartnerOnceAndRefusesIdentifiersThatAreTaken() {
        String id = "new-" + UUID.randomUUID().toString().substring(0, 8);
        String profile =
                """
                {"id": "%s", "name": "New Supplier", "role": "SUPPLIER",
                 "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "%s"}]}
                """
                        .formatted(id, id.toUpperCase().replace("-", ""));

        var created = post("/api/v1/partners", OPS, profile);
        var again = post("/api/v1/partners", OPS, profile);
        var takenId = post("/api/v1/partners", OPS, profile.replace(id, id + "-b"));
        var byPartner = post("/api/v1/partners", ACME, profile.replace(id, id + "-c"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/partners/" + id);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(takenId.statusCode()).isEqualTo(409);
        assertThat(json(takenId).path("detail").asText()).contains("X12:ZZ:");
        assertThat(byPartner.statusCode()).isEqualTo(403);
        assertThat(json(get("/api/v1/partners/" + id, OPS)).path("role").asText())
                .isEqualTo("SUPPLIER");
    }

    @Test
    void servesTheOpenApiDocumentHealthAndMetrics() {
        var openapi = get("/api/v1/openapi.json", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(json(openapi).path("paths").has("/erp/purchase-orders")).isTrue();
        assertThat(json(openapi).path("servers").get(0).path("url").asText()).isEqualTo("/api/v1");
        // Camel counts a poller DOWN until its first poll (a second after start): readiness, not a failure
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> json(get("/actuator/health", null))
                        .path("status")
                        .asText()
                        .equals("UP"));
        assertThat(get("/actuator/prometheus", "prometheus:prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void publishesAValidOpenApiDocumentWhereEachListHasItsOwnSchema() {
        var published = get("/api/v1/openapi.json", null);
        var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(published.body());

        assertThat(parsed.getMessages()).isEmpty();
        var api = parsed.getOpenAPI();
        var lists = java.util.Map.of(
                "/partners", "PartnerPage",
                "/purchase-orders", "PurchaseOrderPage",
                "/shipments", "ShipmentPage",
                "/messages", "MessagePage",
                "/tasks", "TaskPage",
                "/sla/breaches", "BreachPage");
        var itemTypes = new java.util.HashSet<String>();
        lists.forEach((path, schema) -> {
            var ok = api.getPaths().get(path).getGet().getResponses().get("200");
            assertThat(ok.getContent().get("application/json").getSchema().get$ref())
                    .as(path)
                    .endsWith("/" + schema);
            String items = itemsOf(api, schema);
            assertThat(items).as(path + " items").isNotBlank();
            itemTypes.add(items);
        });
        assertThat(itemTypes).as("each list holds its own kind of item").hasSize(lists.size());
    }

    private static String itemsOf(io.swagger.v3.oas.models.OpenAPI api, String schema) {
        io.swagger.v3.oas.models.media.Schema<?> page =
                api.getComponents().getSchemas().get(schema);
        io.swagger.v3.oas.models.media.Schema<?> items =
                (io.swagger.v3.oas.models.media.Schema<?>) page.getProperties().get("items");
        return items.getItems().get$ref();
    }

    @Test
    void refusesMalformedQueryParametersByName() {
        var response = get("/api/v1/purchase-orders?status=LOST&limit=5", OPS);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(get("/api/v1/purchase-orders?limit=100000", OPS).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPathTheApiDoesNotHaveIsAProblemDetail404AndAPortalPageStaysHtml() {
        var unknown = call("DELETE", "/api/v1/ops/subscriptions/anything", OPS, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(unknown).path("instance").asText()).isEqualTo("/api/v1/ops/subscriptions/anything");
        assertThat(json(unknown).path("title").asText()).isEqualTo("Not Found");
        assertThat(json(get("/api/v1/nope", OPS)).path("status").asInt()).isEqualTo(404);
        assertThat(get("/api/v1/nope", ACME).statusCode())
                .as("a partner learns no more of a path the API does not have")
                .isEqualTo(404);
        assertThat(get("/api/v1/nope", null).statusCode())
                .as("nor does a stranger")
                .isEqualTo(401);

        var page = new GatewayClient(port)
                .call("GET", "/portal/no-such-page", OPS, null, null, java.util.Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not found · Seamline").doesNotContain("\"instance\"");
    }
}
