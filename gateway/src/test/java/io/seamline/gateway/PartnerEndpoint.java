package io.seamline.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for what is outside the gateway (the ERP, a partner's webhook): it records every
 * request and answers each path with the status the test sets (200 unless told otherwise).
 */
final class PartnerEndpoint {

    record Request(
            String path,
            String idempotencyKey,
            String contentType,
            String body,
            Map<String, String> headers,
            byte[] raw) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    private PartnerEndpoint(HttpServer server) {
        this.server = server;
    }

    static PartnerEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var endpoint = new PartnerEndpoint(server);
            server.createContext("/", exchange -> {
                byte[] raw = exchange.getRequestBody().readAllBytes();
                String body = new String(raw, StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                endpoint.requests.add(new Request(
                        path,
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body,
                        headers(exchange),
                        raw));
                String location = endpoint.redirects.get(path);
                if (location != null) {
                    exchange.getResponseHeaders().set("Location", location);
                    exchange.sendResponseHeaders(307, -1);
                    exchange.close();
                    return;
                }
                int status = endpoint.statuses.getOrDefault(path, 200);
                byte[] answer =
                        (status < 300 ? "{\"ok\":true}" : "{\"error\":\"down\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers this path with a redirect (307) to {@code location}. */
    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    private static Map<String, String> headers(com.sun.net.httpserver.HttpExchange exchange) {
        var headers = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(String path, int status) {
        statuses.put(path, status);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }
}
