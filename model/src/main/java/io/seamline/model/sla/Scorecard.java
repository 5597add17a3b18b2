package io.seamline.model.sla;

import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a partner did over a period: each measure is a count out of a total (on-time 997s out of 997s due, accurate
 * ASNs out of ASNs received…), plus the mean hours our people took on its tasks and its open breaches now.
 */
public record Scorecard(
        PartnerId partner,
        Instant from,
        Instant to,
        Measure functionalAcksOnTime,
        Measure poAcknowledgementsOnTime,
        Measure shipNoticesOnTime,
        Measure shipNoticesAccurate,
        Measure linesOnTime,
        Measure linesInFull,
        Measure linesOnTimeInFull,
        Measure invoicesAccurate,
        Measure documentsRejected,
        Measure tasksDecidedOnTime,
        Double taskMeanHours,
        Measure autonomous,
        long openBreaches) {

    public Scorecard {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** {@code count} out of {@code total}; the rate is null when there was nothing to count. */
    public record Measure(long total, long count) {

        public Measure {
            if (count < 0 || total < 0 || count > total) {
                throw new IllegalArgumentException("count " + count + " out of " + total);
            }
        }

        public BigDecimal rate() {
            return total == 0
                    ? null
                    : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
        }
    }

    /** The measures by name, in a stable order (for the API and the metrics). */
    public Map<String, Measure> measures() {
        var measures = new LinkedHashMap<String, Measure>();
        measures.put("functionalAcksOnTime", functionalAcksOnTime);
        measures.put("poAcknowledgementsOnTime", poAcknowledgementsOnTime);
        measures.put("shipNoticesOnTime", shipNoticesOnTime);
        measures.put("shipNoticesAccurate", shipNoticesAccurate);
        measures.put("linesOnTime", linesOnTime);
        measures.put("linesInFull", linesInFull);
        measures.put("linesOnTimeInFull", linesOnTimeInFull);
        measures.put("invoicesAccurate", invoicesAccurate);
        measures.put("documentsRejected", documentsRejected);
        measures.put("tasksDecidedOnTime", tasksDecidedOnTime);
        measures.put("autonomous", autonomous);
        return measures;
    }
}
