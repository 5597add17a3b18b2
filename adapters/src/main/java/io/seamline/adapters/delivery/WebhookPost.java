package io.seamline.adapters.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs a webhook event: the target is checked by the {@link TargetGuard} right before each attempt (after DNS
 * resolution) and again for every redirect, which is followed by hand (at most three). A 2xx answer delivers; 408,
 * 429, 5xx and network errors are retried; anything else, and a refused target, fails for good.
 */
public final class WebhookPost {

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final TargetGuard guard;

    public WebhookPost(TargetGuard guard) {
        this.guard = guard;
    }

    public void send(String url, Map<String, String> headers, byte[] body) throws TransferFailed {
        String target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> refused = guard.refusal(target);
            if (refused.isPresent()) {
                throw new TransferFailed("target refused: " + target + ": " + refused.get(), true);
            }
            var request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<Void> response = Posts.send(client, request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return;
            }
            if (status == 307 || status == 308 || status == 301 || status == 302 || status == 303) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new TransferFailed("POST " + target + " redirected nowhere", true);
                }
                target = URI.create(target).resolve(location.get()).toString();
                continue;
            }
            throw new TransferFailed("POST " + target + " answered " + status, !Posts.retryable(status));
        }
        throw new TransferFailed("more than " + MAX_REDIRECTS + " redirects from " + url, true);
    }
}
