package io.seamline.model.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Partner events in a period: how many there were, how many finished with no person's decision (autonomous), how
 * many a person decided, how many are still waiting. The rate is autonomous over all events; null without events.
 */
public record AutonomyCounts(long events, long autonomous, long withPerson, long open) {

    public BigDecimal rate() {
        return events == 0
                ? null
                : BigDecimal.valueOf(autonomous).divide(BigDecimal.valueOf(events), 4, RoundingMode.HALF_EVEN);
    }
}
