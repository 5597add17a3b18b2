package io.seamline.routes.sla;

import io.seamline.coordination.sla.AlertDelivery;
import io.seamline.coordination.sla.Scorecards;
import io.seamline.coordination.sla.SlaMonitor;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The SLA ledger's scan and the sending of its alerts, on timers; every node runs both, the database shares work. */
@Component
public class SlaRoutes extends RouteBuilder {

    /** Route id of the ledger scan (warnings, breaches, escalations). */
    public static final String SCAN = "sla-scan";

    /** Route id of the alert sender. */
    public static final String ALERTS = "sla-alerts";

    /** Route id of the scorecard gauges' refresh. */
    public static final String SCORECARDS = "sla-scorecards";

    @Override
    public void configure() {
        from("timer:" + SCAN + "?delay={{seamline.sla.scan-delay:5000}}&period={{seamline.sla.scan-period:60000}}")
                .routeId(SCAN)
                .bean(SlaMonitor.class, "scan");

        from("timer:" + ALERTS + "?delay=1000&period={{seamline.sla.alerts.poll:5000}}")
                .routeId(ALERTS)
                .bean(AlertDelivery.class, "sendDue");

        from("timer:" + SCORECARDS + "?delay=10000&period={{seamline.sla.scorecard-refresh:300000}}")
                .routeId(SCORECARDS)
                .bean(Scorecards.class, "refreshGauges");
    }
}
