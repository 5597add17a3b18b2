package io.seamline.routes.deliver;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Polls the outbox and delivers what is due. */
@Component
public class OutboxRoute extends RouteBuilder {

    /** Route id of the outbox poller. */
    public static final String ROUTE_ID = "outbox-delivery";

    @Override
    public void configure() {
        from("timer:outbox?delay=1000&period={{seamline.delivery.poll:1000}}")
                .routeId(ROUTE_ID)
                .bean(Deliveries.class, "deliverDue");
    }
}
