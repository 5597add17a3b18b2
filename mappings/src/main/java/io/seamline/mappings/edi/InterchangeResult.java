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

    /**
     * The same interchange with the sets {@code refused} rejected as not supported, saying why (a document type the
     * partner may not send yet): its acknowledgement rejects them (AK5 R 1, UCM 4 with error 14).
     */
    public InterchangeResult refusing(java.util.function.Predicate<SetAck> refused, String why) {
        var refusedGroups = groups.stream()
                .map(g -> new GroupResult(
                        g.header(),
                        g.declaredSets(),
                        g.sets().stream()
                                .map(set -> refused.test(set) ? refusedSet(set, why) : set)
                                .toList(),
                        g.defects()))
                .toList();
        return new InterchangeResult(envelope, refusedGroups, interchangeEvents, defects);
    }

    private static SetAck refusedSet(SetAck set, String why) {
        var defects = new java.util.ArrayList<>(set.defects());
        defects.add(new Defect(SyntaxError.SET_NOT_SUPPORTED, null, 0, null, 0, 0, null, null, why, false));
        return new SetAck(set.setId(), set.controlNumber(), set.version(), SetStatus.REJECTED, defects);
    }
}
