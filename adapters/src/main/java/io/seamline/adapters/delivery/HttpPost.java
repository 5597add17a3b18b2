package io.seamline.adapters.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * POSTs a message to an HTTP endpoint with an {@code Idempotency-Key} header that stays the same across retries. A
 * 2xx answer delivers; 408, 429 and 5xx are retried; other 4xx answers fail for good.
 */
@Component
public class HttpPost {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public void send(Transfer transfer) throws TransferFailed {
        URI uri = Posts.httpUri(transfer.target());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header(
                        "Content-Type",
                        transfer.mediaType() == null ? "application/octet-stream" : transfer.mediaType())
                .header("Idempotency-Key", transfer.idempotencyKey())
                .header("X-Seamline-File-Name", transfer.fileName())
                .POST(HttpRequest.BodyPublishers.ofByteArray(transfer.content()))
                .build();
        HttpResponse<String> response = Posts.send(client, request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = response.body() == null ? "" : response.body().strip();
        throw new TransferFailed(
                "POST " + uri + " answered " + status + (body.isEmpty() ? "" : ": " + abbreviate(body)),
                !Posts.retryable(status));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
