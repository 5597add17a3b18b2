package io.seamline.portal.web;

import io.seamline.model.sla.Scorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A scorecard as rows a person reads: what is measured, how many of how many, and the share in per cent. */
public record ScorecardView(String partner, List<Row> rows, Double taskMeanHours, long openBreaches) {

    public record Row(String measure, long count, long total, String percent, String tone) {}

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("functionalAcksOnTime", "997 / CONTRL on time"),
            Map.entry("poAcknowledgementsOnTime", "PO acknowledgements (855) on time"),
            Map.entry("shipNoticesOnTime", "Ship notices on time"),
            Map.entry("shipNoticesAccurate", "Ship notices accurate"),
            Map.entry("linesOnTime", "Lines delivered on time"),
            Map.entry("linesInFull", "Lines delivered in full"),
            Map.entry("linesOnTimeInFull", "OTIF (on time, in full)"),
            Map.entry("invoicesAccurate", "Invoices accurate"),
            Map.entry("documentsRejected", "Documents rejected"),
            Map.entry("tasksDecidedOnTime", "Our decisions on time"),
            Map.entry("autonomous", "Autonomy rate (no person needed)"));

    public static ScorecardView of(Scorecard card) {
        var rows = new ArrayList<Row>();
        card.measures().forEach((name, measure) -> {
            BigDecimal rate = measure.rate();
            String percent = rate == null
                    ? "—"
                    : rate.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
            boolean lowerIsBetter = name.equals("documentsRejected");
            String tone = rate == null
                    ? ""
                    : (lowerIsBetter
                                    ? rate.compareTo(new BigDecimal("0.05")) <= 0
                                    : rate.compareTo(new BigDecimal("0.95")) >= 0)
                            ? "ok"
                            : (lowerIsBetter
                                            ? rate.compareTo(new BigDecimal("0.15")) <= 0
                                            : rate.compareTo(new BigDecimal("0.80")) >= 0)
                                    ? "warn"
                                    : "bad";
            rows.add(new Row(LABELS.getOrDefault(name, name), measure.count(), measure.total(), percent, tone));
        });
        return new ScorecardView(card.partner().value(), rows, card.taskMeanHours(), card.openBreaches());
    }
}
