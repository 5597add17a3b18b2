package io.seamline.adapters.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What every POST to a partner's or subscriber's server shares: the target must be an http(s) URL, a connection
 * problem is worth a retry, and so are the answers 408, 429 and 5xx; other answers are not.
 */
final class Posts {

    private Posts() {}

    /** The URL as a URI, or a failure for good when it is none or not http(s). */
    static URI httpUri(String url) throws TransferFailed {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TransferFailed("not a URL: " + url, true);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new TransferFailed("not an http(s) URL: " + url, true);
        }
        return uri;
    }

    /** Sends the request; a connection problem or an interruption is a failure worth a retry. */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws TransferFailed {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new TransferFailed("POST " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferFailed("POST " + request.uri() + " interrupted", e);
        }
    }

    /** Whether an answer that is not 2xx is worth a retry: 408, 429 and 5xx. */
    static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
