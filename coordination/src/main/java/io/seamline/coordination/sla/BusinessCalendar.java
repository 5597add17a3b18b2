package io.seamline.coordination.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A partner's working days: the weekend days and holidays in its time zone do not count. An SLA of hours counts only
 * hours on working days (24 hours from Friday noon end on Monday noon); a deadline of days that falls on a day off
 * moves to the same time on the next working day.
 */
record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

    /** Every day is a working day, in UTC. */
    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"), Set.of(), Set.of());

    /** A year cannot be all days off; this bounds the search for a working day. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 366;

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        if (weekend.size() == 7) {
            throw new IllegalArgumentException("a week needs at least one working day");
        }
    }

    public boolean workingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** {@code start} plus {@code span} counted on working days only. */
    public Instant plusWorkingTime(Instant start, Duration span) {
        ZonedDateTime at = nextWorkingMoment(start.atZone(zone));
        Duration left = span;
        for (int guard = 0; guard < 100_000; guard++) {
            ZonedDateTime endOfDay = at.toLocalDate().plusDays(1).atStartOfDay(zone);
            Duration today = Duration.between(at, endOfDay);
            if (left.compareTo(today) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(today);
            at = nextWorkingMoment(endOfDay);
        }
        throw new IllegalArgumentException("span too long: " + span);
    }

    /** {@code at} itself on a working day, else the same local time on the next working day. */
    public Instant rollToWorkingDay(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        int guard = 0;
        while (!workingDay(day)) {
            day = day.plusDays(1);
            if (++guard > MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("no working day within a year of " + at);
            }
        }
        return day.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }

    /** The start of {@code day} in this calendar's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private ZonedDateTime nextWorkingMoment(ZonedDateTime at) {
        if (workingDay(at.toLocalDate())) {
            return at;
        }
        LocalDate day = at.toLocalDate();
        int guard = 0;
        while (!workingDay(day)) {
            day = day.plusDays(1);
            if (++guard > MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("no working day within a year of " + at);
            }
        }
        return day.atStartOfDay(zone);
    }
}
