package io.seamline.routes.webhooks;

import io.seamline.adapters.delivery.DeliverySettings;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Sends due webhook deliveries, as often as the outbox is polled. */
@Component
class WebhookRoutes extends RouteBuilder {

    private final DeliverySettings settings;

    public WebhookRoutes(DeliverySettings settings) {
        this.settings = settings;
    }

    /** Route id of the webhook sender. */
    public static final String ROUTE_ID = "webhook-delivery";

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=1000&period=" + settings.poll().toMillis())
                .routeId(ROUTE_ID)
                .bean(WebhookDeliveries.class, "sendAllDue");
    }
}
