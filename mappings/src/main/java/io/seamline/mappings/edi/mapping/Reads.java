package io.seamline.mappings.edi.mapping;

import io.seamline.mappings.edi.Defect;
import io.seamline.mappings.edi.Standard;
import io.seamline.mappings.edi.SyntaxError;
import io.seamline.model.Magnitude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of element values. A value that is missing where it is required, or not a date, a number or a known
 * code, becomes a located {@link Defect} (collected, never thrown) and the read returns null, so a mapper can go on
 * and report every problem of a set at once.
 */
public final class Reads {

    private final List<Defect> defects = new ArrayList<>();
    private final char decimalMark;
    private final Map<String, String> codeOverrides;

    public Reads(char decimalMark, Map<String, String> codeOverrides) {
        this.decimalMark = decimalMark;
        this.codeOverrides = codeOverrides;
    }

    public List<Defect> defects() {
        return defects;
    }

    public boolean hasErrors() {
        return defects.stream().anyMatch(d -> !d.warning());
    }

    /** The segment, or a MANDATORY_SEGMENT_MISSING defect (placed after {@code after}, usually the header). */
    public Segment required(Optional<Segment> segment, String tag, Segment after) {
        if (segment.isEmpty()) {
            defects.add(new Defect(
                    SyntaxError.MANDATORY_SEGMENT_MISSING,
                    tag,
                    after == null ? 0 : after.position() + 1,
                    null,
                    0,
                    0,
                    null,
                    null,
                    "mandatory segment " + tag + " is missing",
                    false));
            return null;
        }
        return segment.get();
    }

    /** The value, or a MANDATORY_ELEMENT_MISSING defect. */
    public String required(Segment segment, int element) {
        return required(segment, element, 1);
    }

    public String required(Segment segment, int element, int component) {
        if (segment == null) {
            return null;
        }
        String value = segment.get(element, component);
        if (value == null) {
            element(
                    SyntaxError.MANDATORY_ELEMENT_MISSING,
                    segment,
                    element,
                    component,
                    null,
                    segment.tag() + String.format("%02d", element) + " is required");
        }
        return value;
    }

    /** Optional text: null when absent. */
    public String text(Segment segment, int element) {
        return segment == null ? null : segment.get(element);
    }

    /** A date in CCYYMMDD, YYMMDD (X12) or the EDIFACT formats 102 (CCYYMMDD) and 203 (CCYYMMDDHHMM). */
    public LocalDate date(Segment segment, int element, int component) {
        String value = segment == null ? null : segment.get(element, component);
        if (value == null) {
            return null;
        }
        LocalDate date = parseDate(value);
        if (date == null) {
            element(SyntaxError.INVALID_DATE, segment, element, component, value, "not a date (CCYYMMDD)");
        }
        return date;
    }

    public LocalDate date(Segment segment, int element) {
        return date(segment, element, 1);
    }

    /** A date and an optional time (HHMM, HHMMSS) from two elements; midnight when the time is absent. */
    public LocalDateTime dateTime(Segment segment, int dateElement, int timeElement) {
        LocalDate date = date(segment, dateElement);
        if (date == null) {
            return null;
        }
        String time = segment.get(timeElement);
        if (time == null) {
            return date.atStartOfDay();
        }
        LocalTime parsed = parseTime(time);
        if (parsed == null) {
            element(SyntaxError.INVALID_TIME, segment, timeElement, 1, time, "not a time (HHMM)");
            return date.atStartOfDay();
        }
        return date.atTime(parsed);
    }

    /** A decimal number; the interchange's decimal mark (EDIFACT may use a comma) is understood. */
    public BigDecimal decimal(Segment segment, int element) {
        return decimal(segment, element, 1);
    }

    public BigDecimal decimal(Segment segment, int element, int component) {
        String value = segment == null ? null : segment.get(element, component);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(decimalMark == '.' ? value : value.replace(decimalMark, '.'));
        } catch (NumberFormatException e) {
            element(SyntaxError.INVALID_NUMBER, segment, element, component, value, "not a number");
            return null;
        }
        return inRange(number, segment, element, component, value);
    }

    /**
     * A number Seamline can keep: at most {@link Magnitude#QUANTITY}'s digits before the decimal mark (no quantity,
     * price or amount of ours is larger) and no absurd exponent. Anything else is an INVALID_NUMBER defect, so the set
     * is rejected at its element instead of failing later for its size.
     */
    private BigDecimal inRange(BigDecimal number, Segment segment, int element, int component, String value) {
        if (!Magnitude.sane(number)
                || (long) number.precision() - number.scale() > Magnitude.QUANTITY.integerDigits()) {
            element(
                    SyntaxError.INVALID_NUMBER,
                    segment,
                    element,
                    component,
                    value,
                    "out of range: at most " + Magnitude.QUANTITY.integerDigits() + " digits before the decimal mark");
            return null;
        }
        return number;
    }

    /**
     * A quantity ordered, promised or shipped: a decimal that is not negative. A negative one is an INVALID_NUMBER
     * defect (AK4 6, UCD 37) so the set is rejected with its place named, instead of reaching a line as nonsense.
     */
    public BigDecimal quantity(Segment segment, int element) {
        return quantity(segment, element, 1);
    }

    public BigDecimal quantity(Segment segment, int element, int component) {
        BigDecimal quantity = decimal(segment, element, component);
        if (quantity != null && quantity.signum() < 0) {
            element(
                    SyntaxError.INVALID_NUMBER,
                    segment,
                    element,
                    component,
                    segment.get(element, component),
                    "a quantity cannot be negative");
            return null;
        }
        return quantity;
    }

    /** An X12 N2 amount: digits with two implied decimal places ({@code 125000} is 1250.00). */
    public BigDecimal cents(Segment segment, int element) {
        String value = segment == null ? null : segment.get(element);
        if (value == null) {
            return null;
        }
        if (value.indexOf('.') >= 0) {
            return decimal(segment, element);
        }
        try {
            return inRange(new BigDecimal(value).movePointLeft(2), segment, element, 1, value);
        } catch (NumberFormatException e) {
            element(SyntaxError.INVALID_NUMBER, segment, element, 1, value, "not an amount in cents");
            return null;
        }
    }

    /**
     * The code's meaning in {@code table} (extended by the partner's {@code codes} overrides under {@code key}); an
     * unknown code is an INVALID_CODE_VALUE defect.
     */
    public <E extends Enum<E>> E code(Segment segment, int element, String key, Map<String, E> table, Class<E> type) {
        String value = segment == null ? null : segment.get(element);
        if (value == null) {
            return null;
        }
        E meaning = lookup(key, value, table, type);
        if (meaning == null) {
            element(
                    SyntaxError.INVALID_CODE_VALUE,
                    segment,
                    element,
                    1,
                    value,
                    key + " code " + value + " is not one Seamline knows");
        }
        return meaning;
    }

    /**
     * The code's meaning in {@code table} (extended by the partner's overrides under {@code key}). A code the standard
     * lists for {@code list} (its element number) that Seamline does not map is the partner's to send: it reads as
     * {@code unmapped} (null: the caller decides from elsewhere) with no defect. Only a code off the standard's list is
     * an INVALID_CODE_VALUE defect, and it names the list.
     */
    public <E extends Enum<E>> E code(
            Segment segment,
            int element,
            String key,
            Standard standard,
            String list,
            Map<String, E> table,
            Class<E> type,
            E unmapped) {
        String value = segment == null ? null : segment.get(element);
        if (value == null) {
            return null;
        }
        E meaning = lookup(key, value, table, type);
        if (meaning != null) {
            return meaning;
        }
        if (CodeLists.allows(standard, list, value)) {
            return unmapped;
        }
        element(
                SyntaxError.INVALID_CODE_VALUE,
                segment,
                element,
                1,
                value,
                "code " + value + " is not on the list of " + CodeLists.name(standard, list));
        return null;
    }

    /** The code's meaning, or {@code fallback} when it is absent or unknown (no defect). */
    public <E extends Enum<E>> E codeOr(String key, String value, Map<String, E> table, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        E meaning = lookup(key, value, table, type);
        return meaning == null ? fallback : meaning;
    }

    private <E extends Enum<E>> E lookup(String key, String value, Map<String, E> table, Class<E> type) {
        String override = codeOverrides.get(key + ":" + value);
        if (override != null) {
            try {
                return Enum.valueOf(type, override);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return table.get(value);
    }

    public void element(SyntaxError error, Segment segment, int element, int component, String value, String detail) {
        defects.add(new Defect(
                error,
                segment.tag(),
                segment.position(),
                null,
                element,
                component > 1 ? component : 0,
                segment.tag() + String.format("%02d", element),
                value,
                detail,
                false));
    }

    public void warn(SyntaxError error, Segment segment, int element, String value, String detail) {
        defects.add(new Defect(
                        error,
                        segment.tag(),
                        segment.position(),
                        null,
                        element,
                        0,
                        segment.tag() + String.format("%02d", element),
                        value,
                        detail,
                        false)
                .asWarning());
    }

    static LocalDate parseDate(String value) {
        String digits =
                value.length() > 8 && value.chars().allMatch(Character::isDigit) ? value.substring(0, 8) : value;
        try {
            if (digits.length() == 8) {
                return LocalDate.of(
                        Integer.parseInt(digits.substring(0, 4)),
                        Integer.parseInt(digits.substring(4, 6)),
                        Integer.parseInt(digits.substring(6, 8)));
            }
            if (digits.length() == 6) {
                int year = Integer.parseInt(digits.substring(0, 2));
                return LocalDate.of(
                        year < 50 ? 2000 + year : 1900 + year,
                        Integer.parseInt(digits.substring(2, 4)),
                        Integer.parseInt(digits.substring(4, 6)));
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    static LocalTime parseTime(String value) {
        try {
            if (value.length() == 4 || value.length() == 6 || value.length() == 8) {
                int hour = Integer.parseInt(value.substring(0, 2));
                int minute = Integer.parseInt(value.substring(2, 4));
                int second = value.length() >= 6 ? Integer.parseInt(value.substring(4, 6)) : 0;
                return LocalTime.of(hour, minute, second);
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** For EDIFACT DTM: the date/time in format 102 (CCYYMMDD), 203 (CCYYMMDDHHMM) or 204 (…SS). */
    public LocalDateTime edifactDateTime(Segment dtm) {
        String value = dtm == null ? null : dtm.get(1, 2);
        if (value == null) {
            return null;
        }
        String format = dtm.get(1, 3);
        try {
            if ("203".equals(format) || (format == null && value.length() == 12)) {
                return LocalDateTime.of(parseDate(value.substring(0, 8)), parseTime(value.substring(8, 12)));
            }
            if ("204".equals(format) || (format == null && value.length() == 14)) {
                return LocalDateTime.of(parseDate(value.substring(0, 8)), parseTime(value.substring(8, 14)));
            }
            LocalDate date = parseDate(value.length() > 8 ? value.substring(0, 8) : value);
            if (date != null) {
                return date.atStartOfDay();
            }
        } catch (RuntimeException e) {
            // falls through to the defect below
        }
        element(
                SyntaxError.INVALID_DATE,
                dtm,
                1,
                2,
                value,
                "not a date in format " + (format == null ? "102" : format));
        return null;
    }

    public LocalDate edifactDate(Segment dtm) {
        LocalDateTime dateTime = edifactDateTime(dtm);
        return dateTime == null ? null : dateTime.toLocalDate();
    }
}
