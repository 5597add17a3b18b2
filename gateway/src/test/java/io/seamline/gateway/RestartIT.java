package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway started, stopped and started again on the same data directory, as an operator would. */
class RestartIT {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsWhatTheErpPostedAcrossARestart() throws Exception {
        String po =
                """
                {"poNumber": "4511110001", "partnerId": "acme-supply", "currency": "USD", "orderDate": "2026-11-22",
                 "lines": [{"lineNumber": "1", "itemId": "WID-1", "quantity": 7, "unit": "EA", "unitPrice": 1,
                            "needByDate": "2026-12-20"}]}
                """;
        try (var gateway = start()) {
            var posted = send(gateway, "POST", "/api/v1/erp/purchase-orders", po);
            assertThat(posted.statusCode()).isEqualTo(200);
        }
        try (var gateway = start()) {
            var read = send(gateway, "GET", "/api/v1/purchase-orders/4511110001", null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"quantity\":7");
            var demo = send(gateway, "GET", "/api/v1/partners", null);
            assertThat(demo.body()).contains("acme-supply").doesNotContain("\"total\":12");
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Seamline.class)
                .profiles("demo")
                .run("--server.port=0", "--seamline.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private HttpResponse<String> send(ConfigurableApplicationContext gateway, String method, String path, String json)
            throws Exception {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:ops".getBytes()))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
