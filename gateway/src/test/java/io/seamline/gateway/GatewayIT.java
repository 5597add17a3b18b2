package io.seamline.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("seamline.data-dir", DATA_DIR::toString);
        registry.add("seamline.erp.poll-delay", () -> "200ms");
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
