package io.seamline.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway as it runs: demo profile, embedded PostgreSQL in a fresh data directory, a real HTTP port.
 * Subclasses share one running gateway.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class GatewayIT {

    static final Path DATA_DIR = GatewayClient.temporaryDataDir("seamline-gateway-it");

    /** A real OIDC server (tokens signed with its own keys, discovery, JWKS) standing in for Keycloak. */
    static final MockOAuth2Server IDENTITY = startIdentity();

    /** The realm whose tokens the gateway accepts. */
    static final String REALM = "seamline";

    private static MockOAuth2Server startIdentity() {
        var server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("seamline.data-dir", DATA_DIR::toString);
        registry.add("seamline.erp.poll-delay", () -> "200ms");
        // tokens from the identity provider, next to the demo profile's local users
        registry.add("seamline.security.oidc.issuer-uri", () -> IDENTITY.issuerUrl(REALM)
                .toString());
        registry.add("seamline.security.oidc.audience", () -> "seamline-api");
        // one partner with a tight rate limit, for RequestSafetyIT
        registry.add("seamline.api.rate-limit.partners.throttled.per-second", () -> "1");
        registry.add("seamline.api.rate-limit.partners.throttled.burst", () -> "3");
    }

    /** A real HTTP call to the running gateway; {@code user} is {@code name:password} or null. */
    HttpResponse<String> call(String method, String path, String user, String json) {
        return new GatewayClient(port)
                .call(
                        method,
                        path,
                        user,
                        "application/json",
                        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String user) {
        return call("GET", path, user, null);
    }

    HttpResponse<String> post(String path, String user, String json) {
        return call("POST", path, user, json);
    }
}
