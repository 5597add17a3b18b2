package io.seamline.routes.requests;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code seamline.api}: how long the answer to a request with an idempotency key is kept ({@code idempotency-ttl}). */
@ConfigurationProperties("seamline.api")
record RequestSettings(Duration idempotencyTtl) {

    RequestSettings {
        idempotencyTtl = idempotencyTtl == null ? Duration.ofHours(24) : idempotencyTtl;
    }
}
