package io.seamline.coordination.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar WEEKDAYS =
            new BusinessCalendar(BERLIN, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of());

    @Test
    void countsHoursOnWorkingDaysOnlySoFridayNoonPlus24HoursIsMondayNoon() {
        Instant fridayNoon = Instant.parse("2026-11-20T11:00:00Z"); // 12:00 in Berlin

        assertThat(WEEKDAYS.plusWorkingTime(fridayNoon, Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    }

    @Test
    void startsCountingOnTheNextWorkingDayWhenOpenedAtTheWeekend() {
        Instant saturday = Instant.parse("2026-11-21T15:00:00Z");

        assertThat(WEEKDAYS.plusWorkingTime(saturday, Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-22T23:00:00Z").plus(Duration.ofHours(2)));
    }

    @Test
    void skipsHolidaysLikeWeekendDays() {
        var calendar = new BusinessCalendar(
                BERLIN, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(LocalDate.parse("2026-12-25")));
        Instant christmasEveNoon = Instant.parse("2026-12-24T11:00:00Z"); // Thursday

        // 12 h left on Thursday; Friday is a holiday, then the weekend: 12 h more on Monday
        assertThat(calendar.plusWorkingTime(christmasEveNoon, Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-12-28T11:00:00Z"));
    }

    @Test
    void movesADayDeadlineThatFallsOnADayOffToTheSameTimeOnTheNextWorkingDay() {
        Instant sunday = Instant.parse("2026-11-22T09:00:00Z");

        assertThat(WEEKDAYS.rollToWorkingDay(sunday)).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(WEEKDAYS.rollToWorkingDay(Instant.parse("2026-11-24T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void everyDayCountsWithoutACalendar() {
        Instant fridayNoon = Instant.parse("2026-11-20T12:00:00Z");

        assertThat(BusinessCalendar.ALWAYS.plusWorkingTime(fridayNoon, Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Test
    void refusesAWeekWithoutWorkingDays() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Set.of(DayOfWeek.values()), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
