package io.seamline.routes.deliver;

import io.seamline.adapters.delivery.DeliverySettings;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Polls the outbox and delivers what is due, batch after batch while there is more ({@link Deliveries#deliverAllDue}). */
@Component
class OutboxRoute extends RouteBuilder {

    private final DeliverySettings settings;

    public OutboxRoute(DeliverySettings settings) {
        this.settings = settings;
    }

    /** Route id of the outbox poller. */
    public static final String ROUTE_ID = "outbox-delivery";

    @Override
    public void configure() {
        from("timer:outbox?delay=1000&period=" + settings.poll().toMillis())
                .routeId(ROUTE_ID)
                .bean(Deliveries.class, "deliverAllDue");
    }
}
