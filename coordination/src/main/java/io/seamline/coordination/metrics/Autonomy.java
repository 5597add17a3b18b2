package io.seamline.coordination.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.seamline.adapters.persistence.Workflows;
import io.seamline.model.workflow.AutonomyRate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The autonomy rate over a period, overall, per partner and per document type; and, for monitoring, the gauge
 * {@code seamline.autonomy.rate} over the last 30 days (recomputed at most once a minute).
 */
@Service
public class Autonomy {

    /** The window the gauge looks back over. */
    public static final Duration GAUGE_WINDOW = Duration.ofDays(30);

    private static final Duration GAUGE_REFRESH = Duration.ofMinutes(1);

    private final Workflows workflows;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    private record Snapshot(Instant at, double rate) {}

    public Autonomy(Workflows workflows, Clock clock, ObjectProvider<MeterRegistry> registry) {
        this.workflows = workflows;
        this.clock = clock;
        registry.ifAvailable(r -> Gauge.builder("seamline.autonomy.rate", this, Autonomy::recentRate)
                .description("Share of partner events in the last 30 days whose workflow finished with no human action")
                .register(r));
    }

    public AutonomyRate rate(Instant from, Instant to) {
        return workflows.autonomy(from, to);
    }

    /** The rate over the last 30 days, NaN before the first partner event. */
    double recentRate() {
        Instant now = clock.instant();
        Snapshot snapshot = last.get();
        if (snapshot == null || snapshot.at().plus(GAUGE_REFRESH).isBefore(now)) {
            AutonomyRate rate = workflows.autonomy(now.minus(GAUGE_WINDOW), now.plusSeconds(1));
            snapshot = new Snapshot(
                    now,
                    rate.overall().rate() == null
                            ? Double.NaN
                            : rate.overall().rate().doubleValue());
            last.set(snapshot);
        }
        return snapshot.rate();
    }
}
