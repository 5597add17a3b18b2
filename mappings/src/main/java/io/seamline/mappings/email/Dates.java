package io.seamline.mappings.email;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people write them in mails. A date without a year is the next one from the mail's date (a date up to
 * 60 days back counts as this year's: "we shipped 2 Nov"); numeric dates are day-first unless the template says
 * month-first.
 */
final class Dates {

    static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTH + ")\\.?(?:,?\\s+(\\d{4}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(" + MONTH + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{2,4})?)?");

    private Dates() {}

    static Optional<LocalDate> parse(String text, boolean dayFirst, LocalDate reference) {
        String t = text.trim();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
            }
            m = DAY_MONTH.matcher(t);
            if (m.matches()) {
                return Optional.of(withYear(month(m.group(2)), num(m, 1), m.group(3), reference));
            }
            m = MONTH_DAY.matcher(t);
            if (m.matches()) {
                return Optional.of(withYear(month(m.group(1)), num(m, 2), m.group(3), reference));
            }
            m = NUMERIC.matcher(t);
            if (m.matches()) {
                int first = num(m, 1);
                int second = num(m, 2);
                String year = m.group(3);
                if (year != null && year.length() == 2) {
                    year = "20" + year;
                }
                return Optional.of(
                        dayFirst ? withYear(second, first, year, reference) : withYear(first, second, year, reference));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static LocalDate withYear(int month, int day, String year, LocalDate reference) {
        if (year != null) {
            return LocalDate.of(Integer.parseInt(year), month, day);
        }
        LocalDate date = LocalDate.of(reference.getYear(), month, day);
        return date.isBefore(reference.minusDays(60)) ? date.plusYears(1) : date;
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
