package io.seamline.mappings.edi;

import java.util.List;

/**
 * A functional group, read: its header, the count its trailer declared, the outcome of each set, and the group's
 * own defects (trailer count or control number). {@code header} is null for EDIFACT messages outside a UNG group.
 */
public record GroupResult(GroupHeader header, int declaredSets, List<SetAck> sets, List<Defect> defects) {

    public GroupResult {
        sets = List.copyOf(sets);
        defects = List.copyOf(defects);
    }

    /** True when the group itself is broken, whatever its sets. */
    public boolean rejectedAsAWhole() {
        return defects.stream().anyMatch(d -> !d.warning());
    }

    public long accepted(boolean unsupportedAccepted) {
        return rejectedAsAWhole()
                ? 0
                : sets.stream()
                        .filter(s -> s.acknowledgedAsAccepted(unsupportedAccepted))
                        .count();
    }
}
