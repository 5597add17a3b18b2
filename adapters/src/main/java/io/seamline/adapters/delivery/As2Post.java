package io.seamline.adapters.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * POSTs an AS2 message (or an asynchronous MDN) with its AS2 headers and hands back the answer: a synchronous MDN, or
 * nothing. Connection problems, 408, 429 and 5xx are worth a retry; other answers are not.
 */
@Component
public class As2Post {

    /** Headers a caller may not set: the HTTP client owns them. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    /** AS2 is HTTP/1.1 (RFC 4130); an h2c upgrade attempt upsets partners' servers. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The partner's answer: status, headers (names lower-case), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public Answer post(String url, Map<String, String> headers, byte[] body, Duration timeout) throws TransferFailed {
        URI uri = Posts.httpUri(url);
        var request = HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response = Posts.send(client, request.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new TransferFailed("POST " + uri + " answered " + status, !Posts.retryable(status));
        }
        var answer = new java.util.HashMap<String, String>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                answer.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0));
            }
        });
        return new Answer(status, Map.copyOf(answer), response.body() == null ? new byte[0] : response.body());
    }
}
