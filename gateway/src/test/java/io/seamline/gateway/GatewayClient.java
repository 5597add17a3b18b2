package io.seamline.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Real HTTP calls to a running gateway, as {@code name:password} users. */
final class GatewayClient {

    private static final HttpClient http = HttpClient.newHttpClient();

    private final int port;

    GatewayClient(int port) {
        this.port = port;
    }

    HttpResponse<String> call(String method, String path, String user, String contentType, byte[] body) {
        return call(method, path, user, contentType, body, java.util.Map.of());
    }

    /** The same, with headers of its own ({@code Seamline-Test}, for instance). */
    HttpResponse<String> call(
            String method,
            String path,
            String user,
            String contentType,
            byte[] body,
            java.util.Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Authorization header of a local user, {@code name:password}. */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    static Path temporaryDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
