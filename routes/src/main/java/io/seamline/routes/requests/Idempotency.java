package io.seamline.routes.requests;

import io.seamline.adapters.persistence.IdempotentRequests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Idempotency keys of API requests, per caller: the first request with a key runs and its answer is kept for {@code
 * seamline.api.idempotency-ttl} (24 h); a retry with the same key and the same request gets that answer again; the
 * same key with another request is refused; a retry while the first is still running is told to wait.
 */
@Service
@EnableConfigurationProperties(RequestSettings.class)
public class Idempotency {

    private final IdempotentRequests requests;
    private final Duration ttl;
    private final Clock clock;

    Idempotency(IdempotentRequests requests, RequestSettings settings, Clock clock) {
        this.requests = requests;
        this.ttl = settings.idempotencyTtl();
        this.clock = clock;
    }

    /** What to do with a request that carries a key. */
    public sealed interface Attempt {

        /** The first time: run it, then {@link #finish}. */
        record Proceed() implements Attempt {}

        /** Seen before: give this answer again. */
        record Replay(int status, String mediaType, Map<String, String> headers, byte[] body) implements Attempt {}

        /** The key was used for a different request. */
        record Mismatch() implements Attempt {}

        /** The first request with this key is still running. */
        record InProgress() implements Attempt {}
    }

    /** The fingerprint of a request: method, path with query, and body. */
    public static String fingerprint(String method, String pathAndQuery, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Attempt begin(String owner, String key, String fingerprint) {
        if (requests.reserve(owner, key, fingerprint, clock.instant())) {
            return new Attempt.Proceed();
        }
        var recorded = requests.find(owner, key);
        if (recorded.isEmpty()) {
            // expired between the two statements: take it now
            return requests.reserve(owner, key, fingerprint, clock.instant())
                    ? new Attempt.Proceed()
                    : new Attempt.InProgress();
        }
        if (!recorded.get().requestHash().equals(fingerprint)) {
            return new Attempt.Mismatch();
        }
        if (!recorded.get().completed()) {
            return new Attempt.InProgress();
        }
        var r = recorded.get();
        return new Attempt.Replay(r.status(), r.mediaType(), r.headers(), r.body());
    }

    /** Keeps the answer the first request got. */
    public void finish(
            String owner, String key, int status, String mediaType, Map<String, String> headers, byte[] body) {
        requests.complete(owner, key, status, mediaType, headers, body);
    }

    /** The first request failed unexpectedly (a 500): the key is free for a retry. */
    public void abandon(String owner, String key) {
        requests.release(owner, key);
    }

    /** Forgets answers older than the time-to-live (a timer calls it). */
    public int expire() {
        return requests.expire(clock.instant().minus(ttl));
    }
}
