package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with the {@code keycloak} profile against a real Keycloak (the distribution from Maven Central, unpacked
 * by the build into {@code target/keycloak}) that imported {@code keycloak/seamline-realm.json}: a carrier's system
 * and the ERP call the API with client-credentials tokens, and a supplier's user signs in to the portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "keycloak"})
@EnabledIf("io.seamline.gateway.KeycloakIT#distributionPresent")
class KeycloakIT {

    static final Path HOME = Path.of("target", "keycloak", "keycloak-26.7.3");
    static final int GATEWAY_PORT = freePort();
    static final int KEYCLOAK_PORT = freePort();
    static final Path DATA_DIR = GatewayClient.temporaryDataDir("seamline-keycloak-it");
    static Process keycloak;

    static boolean distributionPresent() {
        return Files.isRegularFile(HOME.resolve("bin/kc.sh"));
    }

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        start();
        registry.add("server.port", () -> GATEWAY_PORT);
        registry.add("seamline.data-dir", DATA_DIR::toString);
        registry.add("KEYCLOAK_URL", () -> "http://localhost:" + KEYCLOAK_PORT);
    }

    /** Starts Keycloak on a fresh database with the realm, its portal redirect pointing at this test's port. */
    static synchronized void start() {
        if (keycloak != null) {
            return;
        }
        try {
            deleteTree(HOME.resolve("data"));
            Path imports = Files.createDirectories(HOME.resolve("data/import"));
            String realm = Files.readString(Path.of("..", "keycloak", "seamline-realm.json"))
                    .replace("http://localhost:8080", "http://localhost:" + GATEWAY_PORT);
            Files.writeString(imports.resolve("seamline-realm.json"), realm);
            var builder = new ProcessBuilder(
                            "bash", "bin/kc.sh", "start-dev", "--http-port=" + KEYCLOAK_PORT, "--import-realm")
                    .directory(HOME.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "keycloak.log").toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            keycloak = builder.start();
            awaitRealm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitRealm() {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + KEYCLOAK_PORT + "/realms/seamline/.well-known/openid-configuration"))
                .build();
        org.awaitility.Awaitility.await("Keycloak's realm (see target/keycloak.log)")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!keycloak.isAlive()) {
                        throw new IllegalStateException("Keycloak stopped; see target/keycloak.log");
                    }
                    return client.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            // kc.sh starts a java child: stop it, not only the script
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
        }
    }

    private static String token(String client, String secret) throws Exception {
        var form = "grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret;
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + KEYCLOAK_PORT
                                        + "/realms/seamline/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY_PORT + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCarrierAndTheErpCallTheApiWithClientCredentialsTokensFromKeycloak() throws Exception {
        String carrier = token("swift-freight-api", "change-me-swift");
        var shipments = call("GET", "/api/v1/shipments", carrier, null);
        assertThat(shipments.statusCode()).isEqualTo(200);
        JsonNode items = Json.mapper().readTree(shipments.body()).path("items");
        assertThat(items.size()).isPositive();
        items.forEach(s -> assertThat(s.path("carrierId").asText()).isEqualTo("swift-freight"));
        assertThat(call("GET", "/api/v1/tasks", carrier, null).statusCode()).isEqualTo(403);

        String erp = token("seamline-erp", "change-me-erp");
        var imported = call(
                "POST",
                "/api/v1/erp/purchase-orders",
                erp,
                """
                {"poNumber": "KC-1", "partnerId": "acme-supply", "currency": "USD", "orderDate": "2026-11-20",
                 "lines": [{"lineNumber": "1", "itemId": "WID-100", "quantity": 5, "unit": "EA", "unitPrice": 2.5,
                            "needByDate": "2026-12-20"}]}
                """);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/tasks", erp, null).statusCode()).isEqualTo(403);
        // local demo users are off with Keycloak
        assertThat(new GatewayClient(GATEWAY_PORT)
                        .call("GET", "/api/v1/shipments", "ops:ops", null, null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSupplierUserSignsInToThePortalAtKeycloak() throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String portal = "http://localhost:" + GATEWAY_PORT + "/portal/me";

        // the portal sends the browser to Keycloak's login page
        HttpResponse<String> page = follow(browser, get(portal));
        assertThat(page.uri().getPort())
                .as(page.statusCode() + " " + page.body())
                .isEqualTo(KEYCLOAK_PORT);
        var action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        String loginUrl = action.group(1).replace("&amp;", "&");

        // the supplier's user types its name and password; Keycloak sends it back signed in
        var login = HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=acme&password=" + URLEncoder.encode("acme", StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> me = follow(browser, login);

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode who = Json.mapper().readTree(me.body());
        assertThat(who.path("partnerId").asText()).isEqualTo("acme-supply");
        assertThat(who.path("roles").toString()).isEqualTo("[\"PARTNER\"]");
        assertThat(who.path("name").asText()).isEqualTo("acme");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", BROWSER_ACCEPT)
                .GET()
                .build();
    }

    /** What a browser asks for when it follows a link. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    /** Sends a request and follows redirects like a browser, up to ten. */
    private static HttpResponse<String> follow(HttpClient browser, HttpRequest first) throws Exception {
        HttpResponse<String> response = browser.send(first, HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            response = browser.send(get(next.toString()), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Cookies as a browser keeps them for localhost, which it treats as a secure origin: Keycloak's session cookies
     * are marked Secure, and Java's own cookie manager would not send them back over plain HTTP.
     */
    static final class LocalhostCookies extends CookieHandler {

        private final java.util.Map<String, String> jar = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public java.util.Map<String, java.util.List<String>> get(
                URI uri, java.util.Map<String, java.util.List<String>> headers) {
            if (jar.isEmpty()) {
                return java.util.Map.of();
            }
            String cookies = jar.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            return java.util.Map.of("Cookie", java.util.List.of(cookies));
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            String cookie = pair.substring(0, eq).trim();
                            String content = pair.substring(eq + 1).trim();
                            if (content.isEmpty()
                                    || value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                                jar.remove(cookie);
                            } else {
                                jar.put(cookie, content);
                            }
                        }
                    }
                }
            });
        }
    }
}
