package io.seamline.portal.api;

import io.seamline.portal.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Requests per partner, as token buckets: each partner's bucket holds {@code burst} requests and refills at {@code
 * per-second}; an empty bucket is a 429 with the seconds until the next request may come ({@code Retry-After}). The
 * buckets live in each node: with several nodes a partner gets up to the limit on each.
 */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimits {

    private final RateLimitSettings settings;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The 429 to answer when the caller is over its limit; empty when the request may go on. */
    Optional<Reply> check(Caller caller) {
        if (caller.partnerId().isEmpty()) {
            return Optional.empty();
        }
        String partner = caller.partnerId().get().value();
        RateLimitSettings.Limit limit = settings.of(partner);
        Bucket bucket = buckets.computeIfAbsent(partner, p -> new Bucket(limit.burst(), clock.millis()));
        long waitMillis = bucket.take(limit, clock.millis());
        if (waitMillis == 0) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return Optional.of(new ApiProblem(
                        429,
                        "Too Many Requests",
                        "partner " + partner + " is over its limit of " + limit.perSecond() + " requests a second",
                        List.of())
                .reply("/api/v1")
                .withHeader("Retry-After", String.valueOf(seconds)));
    }

    /** Tokens left and when they were last counted. */
    private static final class Bucket {

        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Takes a token and returns 0, or returns how many milliseconds until one is there. */
        synchronized long take(RateLimitSettings.Limit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - at) * limit.perSecond() / 1000.0);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 1000.0 / limit.perSecond());
        }
    }
}
