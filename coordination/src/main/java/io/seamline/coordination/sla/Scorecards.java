package io.seamline.coordination.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.seamline.adapters.persistence.Expectations;
import io.seamline.adapters.persistence.PartnerFigures;
import io.seamline.adapters.persistence.Partners;
import io.seamline.coordination.metrics.Autonomy;
import io.seamline.coordination.sla.SlaProfile.Kind;
import io.seamline.model.event.ShipmentAdvised;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.sla.Scorecard;
import io.seamline.model.sla.Scorecard.Measure;
import io.seamline.model.workflow.AutonomyCounts;
import io.seamline.model.workflow.AutonomyRate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Partner scorecards over a period, from the SLA ledger and the records of what partners sent: on-time 997 and 855,
 * ASN timeliness and accuracy, OTIF, invoice accuracy, rejected documents, how fast our people decided its tasks,
 * and the autonomy rate. The last 30 days of every partner are also Prometheus gauges ({@code
 * seamline_scorecard_rate{partner, measure}}), refreshed by {@link #refreshGauges()}.
 */
@Service
public class Scorecards {

    /** The period the gauges look back over. */
    public static final Duration GAUGE_WINDOW = Duration.ofDays(30);

    private final Expectations expectations;
    private final PartnerFigures figures;
    private final Partners partners;
    private final Autonomy autonomy;
    private final Clock clock;
    private final Optional<MultiGauge> gauge;

    public Scorecards(
            Expectations expectations,
            PartnerFigures figures,
            Partners partners,
            Autonomy autonomy,
            Clock clock,
            ObjectProvider<MeterRegistry> registry) {
        this.expectations = expectations;
        this.figures = figures;
        this.partners = partners;
        this.autonomy = autonomy;
        this.clock = clock;
        this.gauge = Optional.ofNullable(registry.getIfAvailable())
                .map(r -> MultiGauge.builder("seamline.scorecard.rate")
                        .description("Partner scorecard measures over the last 30 days (share, 0 to 1)")
                        .register(r));
    }

    /** A partner's scorecard for {@code [from, to)}; what falls due after now is not counted yet. */
    public Scorecard of(PartnerId partner, Instant from, Instant to) {
        return of(partner, from, to, autonomy.rate(from, to));
    }

    private Scorecard of(PartnerId partner, Instant from, Instant to, AutonomyRate rates) {
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        var functional = expectations.onTime(partner, Kind.ACK_FUNCTIONAL, from, end, now);
        var poAck = expectations.onTime(partner, Kind.PO_ACKNOWLEDGEMENT, from, end, now);
        var asn = expectations.onTime(partner, Kind.ASN_DUE, from, end, now);
        var tasks = expectations.onTime(partner, Kind.TASK_DECISION, from, end, now);
        var asnAccurate = figures.withoutTask(partner, ShipmentAdvised.TYPE, "ASN_DISCREPANCY", from, to);
        var invoices = figures.invoicesAccurate(partner, from, to);
        var rejected = figures.rejectedDocuments(partner, from, to);
        // due dates are days: a line due on the day of `end` is not late before that day is over
        var otif = figures.otif(
                partner,
                from.atOffset(ZoneOffset.UTC).toLocalDate(),
                end.atOffset(ZoneOffset.UTC).toLocalDate());
        var response = figures.taskResponse(partner, from, to);
        AutonomyCounts auto = rates.byPartner().get(partner.value());
        return new Scorecard(
                partner,
                from,
                to,
                new Measure(functional.due(), functional.onTime()),
                new Measure(poAck.due(), poAck.onTime()),
                new Measure(asn.due(), asn.onTime()),
                new Measure(asnAccurate.total(), asnAccurate.count()),
                new Measure(otif.lines(), otif.onTime()),
                new Measure(otif.lines(), otif.inFull()),
                new Measure(otif.lines(), otif.onTimeInFull()),
                new Measure(invoices.total(), invoices.count()),
                new Measure(rejected.total(), rejected.count()),
                new Measure(tasks.due(), tasks.onTime()),
                response.meanHours(),
                auto == null
                        ? new Measure(0, 0)
                        : new Measure(
                                auto.events() - auto.open(), Math.min(auto.autonomous(), auto.events() - auto.open())),
                expectations.openBreaches(partner));
    }

    /** Every partner's scorecard for the period (the autonomy rates read once for all). */
    public List<Scorecard> all(Instant from, Instant to) {
        AutonomyRate rates = autonomy.rate(from, to);
        return partners.all().stream()
                .map(Partner::id)
                .map(p -> of(p, from, to, rates))
                .toList();
    }

    /** Recomputes the gauges over the last 30 days (a timer calls it; scrapes read the last values). */
    public void refreshGauges() {
        if (gauge.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var rows = new ArrayList<MultiGauge.Row<?>>();
        for (Scorecard card : all(now.minus(GAUGE_WINDOW), now.plusSeconds(1))) {
            card.measures().forEach((name, measure) -> {
                if (measure.rate() != null) {
                    rows.add(MultiGauge.Row.of(
                            Tags.of("partner", card.partner().value(), "measure", name),
                            measure.rate().doubleValue()));
                }
            });
        }
        gauge.get().register(rows, true);
    }
}
