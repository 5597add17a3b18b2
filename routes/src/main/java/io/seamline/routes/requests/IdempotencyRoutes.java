package io.seamline.routes.requests;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Forgets old idempotency keys every hour. */
@Component
class IdempotencyRoutes extends RouteBuilder {

    /** Route id of the expiry. */
    public static final String EXPIRY = "idempotency-expiry";

    @Override
    public void configure() {
        from("timer:" + EXPIRY + "?delay=60000&period=3600000").routeId(EXPIRY).bean(Idempotency.class, "expire");
    }
}
