package io.seamline.coordination.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a partner owes by when: the SLA profile, from the built-in values, overridden by {@code seamline.sla.defaults},
 * overridden by the partner's own {@code sla} map. Keys are the expectation kind with a unit ({@code
 * po.acknowledgement.hours=48}, {@code invoice.freight.days=30}, {@code task.CUSTOMS_HOLD.hours=4}), plus {@code
 * warn.percent}, {@code escalate.hours}, {@code reminders} and the calendar ({@code calendar.zone}, {@code
 * calendar.weekend=SAT,SUN}, {@code calendar.holidays=2026-12-25,2027-01-01}).
 */
public record SlaProfile(Map<String, String> values) {

    /** Expectation kinds, with the unit their deadline is given in. */
    public static final Map<String, String> KINDS = kinds();

    /** The built-in profile. */
    public static final Map<String, String> BUILT_IN = builtIn();

    private static Map<String, String> kinds() {
        var kinds = new LinkedHashMap<String, String>();
        kinds.put(Kind.ACK_FUNCTIONAL, "hours");
        kinds.put(Kind.PO_ACKNOWLEDGEMENT, "hours");
        kinds.put(Kind.TENDER_RESPONSE, "hours");
        kinds.put(Kind.ASN_DUE, "hours");
        kinds.put(Kind.SHIPMENT_STATUS, "hours");
        kinds.put(Kind.INVOICE_FREIGHT, "days");
        kinds.put(Kind.CUSTOMS_RESPONSE, "hours");
        kinds.put(Kind.TASK_DECISION, "hours");
        kinds.put(Kind.AS2_MDN, "hours");
        kinds.put(Kind.BOOKING_CONFIRMATION, "hours");
        return Map.copyOf(kinds);
    }

    private static Map<String, String> builtIn() {
        var values = new LinkedHashMap<String, String>();
        values.put(Kind.ACK_FUNCTIONAL + ".hours", "24");
        values.put(Kind.PO_ACKNOWLEDGEMENT + ".hours", "48");
        values.put(Kind.TENDER_RESPONSE + ".hours", "2");
        values.put(Kind.ASN_DUE + ".hours", "0");
        values.put(Kind.SHIPMENT_STATUS + ".hours", "24");
        values.put(Kind.INVOICE_FREIGHT + ".days", "30");
        values.put(Kind.CUSTOMS_RESPONSE + ".hours", "24");
        values.put(Kind.TASK_DECISION + ".hours", "8");
        values.put(Kind.AS2_MDN + ".hours", "4");
        values.put(Kind.BOOKING_CONFIRMATION + ".hours", "24");
        values.put("chargeback.currency", "USD");
        values.put("warn.percent", "75");
        values.put("escalate.hours", "24");
        values.put("reminders", "false");
        values.put("calendar.zone", "UTC");
        values.put("calendar.weekend", "");
        values.put("calendar.holidays", "");
        return Map.copyOf(values);
    }

    /** The names of the expectation kinds. */
    public static final class Kind {
        /** A 997/999/CONTRL for our EDI document. */
        public static final String ACK_FUNCTIONAL = "ack.functional";
        /** An 855/ORDRSP (or a portal/API acknowledgement) for our purchase order. */
        public static final String PO_ACKNOWLEDGEMENT = "po.acknowledgement";
        /** A 990 for our load tender. */
        public static final String TENDER_RESPONSE = "tender.response";
        /** An 856/DESADV before the promised date ({@code asn.due.hours} before its start). */
        public static final String ASN_DUE = "asn.due";
        /** A 214/IFTSTA at least every so many hours while a shipment moves. */
        public static final String SHIPMENT_STATUS = "shipment.status";
        /** The carrier's freight invoice after delivery. */
        public static final String INVOICE_FREIGHT = "invoice.freight";
        /** Release or hold after the customs entry was filed. */
        public static final String CUSTOMS_RESPONSE = "customs.response";
        /** A person's decision on a task. */
        public static final String TASK_DECISION = "task.decision";
        /** The asynchronous MDN for our AS2 message. */
        public static final String AS2_MDN = "as2.mdn";
        /** A 301/IFTMBC for our booking request (300/IFTMIN). */
        public static final String BOOKING_CONFIRMATION = "booking.confirmation";
        /** A new certificate before the partner's (or our own) one expires; due at its expiry. */
        public static final String CERTIFICATE_RENEWAL = "certificate.renewal";

        private Kind() {}
    }

    public SlaProfile {
        values = Map.copyOf(values);
    }

    /** The profile of a partner: built-in values, then the gateway's defaults, then the partner's own. */
    public static SlaProfile of(Map<String, String> defaults, Map<String, String> partner) {
        var merged = new LinkedHashMap<>(BUILT_IN);
        merged.putAll(defaults);
        merged.putAll(partner);
        return new SlaProfile(merged);
    }

    /** How long a kind of expectation may take; {@code task.<KIND>} falls back to {@code task.decision}. */
    public Duration allowed(String kind) {
        String unit = KINDS.get(kind);
        if (unit == null && kind.startsWith("task.")) {
            String own = values.get(kind + ".hours");
            return Duration.ofMinutes(
                    Math.round(Double.parseDouble(own != null ? own : values.get(Kind.TASK_DECISION + ".hours")) * 60));
        }
        if (unit == null) {
            throw new IllegalArgumentException("no SLA for " + kind);
        }
        double amount = Double.parseDouble(values.get(kind + "." + unit));
        return unit.equals("days")
                ? Duration.ofMinutes(Math.round(amount * 24 * 60))
                : Duration.ofMinutes(Math.round(amount * 60));
    }

    /** Whether the kind is counted in calendar days (rolled to a working day) rather than working hours. */
    public boolean inDays(String kind) {
        return "days".equals(KINDS.get(kind));
    }

    /**
     * The charge the partner's agreement names for breaching this kind of expectation ({@code <kind>.chargeback},
     * in {@code chargeback.currency}), if any.
     */
    public java.util.Optional<java.math.BigDecimal> chargeback(String kind) {
        String value = values.get(kind + ".chargeback");
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        java.math.BigDecimal amount = new java.math.BigDecimal(value.trim());
        return amount.signum() > 0 ? java.util.Optional.of(amount) : java.util.Optional.empty();
    }

    public String chargebackCurrency() {
        return values.getOrDefault("chargeback.currency", "USD");
    }

    public int warnPercent() {
        return Integer.parseInt(values.get("warn.percent"));
    }

    public Duration escalateAfter() {
        return Duration.ofMinutes(Math.round(Double.parseDouble(values.get("escalate.hours")) * 60));
    }

    /** Whether the partner is reminded through its own channel when it breaches. */
    public boolean reminders() {
        return Boolean.parseBoolean(values.get("reminders"));
    }

    public BusinessCalendar calendar() {
        return new BusinessCalendar(
                ZoneId.of(values.get("calendar.zone")),
                weekend(values.get("calendar.weekend")),
                holidays(values.get("calendar.holidays")));
    }

    /** What is wrong with an SLA map (a partner's, or the defaults): unknown keys and values that do not parse. */
    public static List<String> problems(Map<String, String> sla) {
        var problems = new ArrayList<String>();
        sla.forEach((key, value) -> {
            String problem = problem(key, value == null ? "" : value.trim());
            if (problem != null) {
                problems.add("sla." + key + ": " + problem);
            }
        });
        if (problems.isEmpty()) {
            try {
                SlaProfile.of(Map.of(), sla).calendar();
            } catch (IllegalArgumentException e) {
                problems.add("sla.calendar.weekend: " + e.getMessage());
            }
        }
        return problems;
    }

    private static String problem(String key, String value) {
        boolean taskKind = key.startsWith("task.") && key.endsWith(".hours");
        boolean chargeback = key.endsWith(".chargeback")
                && KINDS.containsKey(key.substring(0, key.length() - ".chargeback".length()));
        if (!BUILT_IN.containsKey(key) && !taskKind && !chargeback) {
            return "unknown key; known: " + BUILT_IN.keySet().stream().sorted().toList()
                    + ", task.<KIND>.hours and <kind>.chargeback";
        }
        if (chargeback) {
            try {
                return new java.math.BigDecimal(value).signum() < 0 ? "cannot be negative" : null;
            } catch (NumberFormatException e) {
                return "not an amount: " + value;
            }
        }
        try {
            switch (key) {
                case "reminders" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "must be true or false";
                    }
                }
                case "warn.percent" -> {
                    int percent = Integer.parseInt(value);
                    if (percent < 1 || percent > 99) {
                        return "must be a whole percentage from 1 to 99";
                    }
                }
                case "calendar.zone" -> ZoneId.of(value);
                case "chargeback.currency" -> {
                    if (!io.seamline.model.Currencies.isCode(value)) {
                        return "not an ISO-4217 currency code: " + value;
                    }
                }
                case "calendar.weekend" -> weekend(value);
                case "calendar.holidays" -> holidays(value);
                default -> {
                    double amount = Double.parseDouble(value);
                    if (!(amount >= 0) || amount > 24 * 366) {
                        return "must be a number from 0 to 8784";
                    }
                }
            }
        } catch (NumberFormatException e) {
            return "not a number: " + value;
        } catch (DateTimeException | IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private static Set<DayOfWeek> weekend(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : split(value)) {
            String upper = name.toUpperCase(Locale.ROOT);
            DayOfWeek day = java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().startsWith(upper) && upper.length() >= 3)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a day of the week: " + name));
            days.add(day);
        }
        return days;
    }

    private static Set<LocalDate> holidays(String value) {
        var days = new LinkedHashSet<LocalDate>();
        for (String day : split(value)) {
            try {
                days.add(LocalDate.parse(day));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a date (yyyy-mm-dd): " + day);
            }
        }
        return days;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
