package io.seamline.mappings.edi;

import java.util.Objects;

/**
 * One thing wrong with an inbound interchange, where it is, and whether it stops processing. Positions follow the
 * acknowledgements: {@code segmentPosition} counts from the set header (ST or UNH = 1); element and component
 * positions count from 1 (0 when not applicable). A warning is reported (AK5 E) but lets the set through.
 */
public record Defect(
        SyntaxError error,
        String segmentTag,
        int segmentPosition,
        String loopId,
        int elementPosition,
        int componentPosition,
        String elementReference,
        String value,
        String detail,
        boolean warning) {

    public Defect {
        Objects.requireNonNull(error, "error");
        detail = detail == null ? error.description() : detail;
    }

    public static Defect of(SyntaxError error, String detail) {
        return new Defect(error, null, 0, null, 0, 0, null, null, detail, false);
    }

    public Defect asWarning() {
        return new Defect(
                error,
                segmentTag,
                segmentPosition,
                loopId,
                elementPosition,
                componentPosition,
                elementReference,
                value,
                detail,
                true);
    }

    /** Where, in words: {@code BAK (segment 2) element 3}. */
    public String location() {
        var where = new StringBuilder();
        if (segmentTag != null) {
            where.append(segmentTag);
            if (segmentPosition > 0) {
                where.append(" (segment ").append(segmentPosition).append(')');
            }
            if (elementPosition > 0) {
                where.append(" element ").append(elementPosition);
                if (componentPosition > 0) {
                    where.append('.').append(componentPosition);
                }
            }
        }
        return where.toString();
    }

    @Override
    public String toString() {
        String where = location();
        return (warning ? "warning: " : "")
                + (where.isEmpty() ? "" : where + ": ")
                + detail
                + (value != null && !value.isEmpty() ? " ('" + value + "')" : "");
    }
}
