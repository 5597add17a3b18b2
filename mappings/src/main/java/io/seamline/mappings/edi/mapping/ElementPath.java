package io.seamline.mappings.edi.mapping;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value sits, written the way EDI people write it: {@code BAK03}, {@code PO101}, {@code QTY01.2} (element
 * 1, component 2), or with a qualifier condition on the same segment: {@code REF02[REF01=PO]}, {@code
 * RFF01.2[RFF01.1=ON]}. The special path {@code position} means "the loop's position, counting from 1".
 */
public record ElementPath(
        String tag,
        int element,
        int component,
        String conditionTag,
        int conditionElement,
        int conditionComponent,
        String conditionValue) {

    public static final String POSITION = "position";

    private static final Pattern PATH = Pattern.compile(
            "([A-Z][A-Z0-9]{1,2})(\\d{2})(?:\\.(\\d))?(?:\\[([A-Z][A-Z0-9]{1,2})(\\d{2})(?:\\.(\\d))?=([^\\]]+)])?");

    public static ElementPath parse(String text) {
        Matcher m = PATH.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not an element path (such as BAK03, REF02[REF01=PO] or QTY01.2): " + text);
        }
        String conditionTag = m.group(4);
        if (conditionTag != null && !conditionTag.equals(m.group(1))) {
            throw new IllegalArgumentException("a condition must be on the same segment: " + text);
        }
        return new ElementPath(
                m.group(1),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
                conditionTag,
                conditionTag == null ? 0 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 1 : Integer.parseInt(m.group(6)),
                m.group(7));
    }

    public static boolean isPath(String text) {
        return text != null && PATH.matcher(text.trim()).matches();
    }

    /** True when the segment is one this path reads (its tag and condition match). */
    public boolean selects(Segment segment) {
        return segment.tag().equals(tag)
                && (conditionTag == null || conditionValue.equals(segment.get(conditionElement, conditionComponent)));
    }

    /** The value from the first matching segment among {@code segments}. */
    public Optional<Value> in(List<Segment> segments) {
        for (Segment segment : segments) {
            if (selects(segment)) {
                String value = segment.get(element, component);
                if (value != null) {
                    return Optional.of(new Value(segment, value));
                }
            }
        }
        return Optional.empty();
    }

    /** A value found by a path, with the segment it came from (for defects). */
    public record Value(Segment segment, String text) {}

    @Override
    public String toString() {
        String base = String.format("%s%02d%s", tag, element, component > 1 ? "." + component : "");
        return conditionTag == null
                ? base
                : base
                        + String.format(
                                "[%s%02d%s=%s]",
                                conditionTag,
                                conditionElement,
                                conditionComponent > 1 ? "." + conditionComponent : "",
                                conditionValue);
    }
}
