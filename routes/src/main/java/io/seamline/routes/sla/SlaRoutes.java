package io.seamline.routes.sla;

import io.seamline.coordination.sla.AlertDelivery;
import io.seamline.coordination.sla.Scorecards;
import io.seamline.coordination.sla.SlaMonitor;
import io.seamline.coordination.sla.SlaSettings;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The SLA ledger's scan and the sending of its alerts, on timers; every node runs both, the database shares work. */
@Component
class SlaRoutes extends RouteBuilder {

    private final SlaSettings settings;

    public SlaRoutes(SlaSettings settings) {
        this.settings = settings;
    }

    /** Route id of the ledger scan (warnings, breaches, escalations). */
    public static final String SCAN = "sla-scan";

    /** Route id of the alert sender. */
    public static final String ALERTS = "sla-alerts";

    /** Route id of the scorecard gauges' refresh. */
    public static final String SCORECARDS = "sla-scorecards";

    @Override
    public void configure() {
        from("timer:" + SCAN + "?delay=" + settings.scanDelay().toMillis() + "&period="
                        + settings.scanPeriod().toMillis())
                .routeId(SCAN)
                .bean(SlaMonitor.class, "scan");

        from("timer:" + ALERTS + "?delay=1000&period="
                        + settings.alerts().poll().toMillis())
                .routeId(ALERTS)
                .bean(AlertDelivery.class, "sendAllDue");

        from("timer:" + SCORECARDS + "?delay=10000&period="
                        + settings.scorecardRefresh().toMillis())
                .routeId(SCORECARDS)
                .bean(Scorecards.class, "refreshGauges");
    }
}
