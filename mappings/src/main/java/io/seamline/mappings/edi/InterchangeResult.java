package io.seamline.mappings.edi;

import io.seamline.model.event.EventData;
import java.util.List;

/**
 * An interchange, read to its end (or as far as it could be read): the envelope, its groups (EDIFACT messages
 * outside UNG/UNE form one group without header), events carried at interchange level (an inbound TA1), and the
 * interchange's own defects. When {@link #rejected()}, none of its events count, whatever its sets said.
 */
public record InterchangeResult(
        Envelope envelope, List<GroupResult> groups, List<EventData> interchangeEvents, List<Defect> defects) {

    public InterchangeResult {
        groups = List.copyOf(groups);
        interchangeEvents = List.copyOf(interchangeEvents);
        defects = List.copyOf(defects);
    }

    public boolean rejected() {
        return defects.stream().anyMatch(d -> !d.warning());
    }

    /** True when every set of every group was accepted and nothing is wrong with the envelope. */
    public boolean fullyAccepted(boolean unsupportedAccepted) {
        return !rejected()
                && groups.stream()
                        .allMatch(g -> !g.rejectedAsAWhole()
                                && g.sets().stream().allMatch(s -> s.acknowledgedAsAccepted(unsupportedAccepted)));
    }
}
