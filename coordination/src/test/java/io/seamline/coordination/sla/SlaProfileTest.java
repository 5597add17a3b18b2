package io.seamline.coordination.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.sla.SlaProfile.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaProfileTest {

    @Test
    void partnerValuesOverrideTheDefaultsWhichOverrideTheBuiltInProfile() {
        var profile = SlaProfile.of(
                Map.of("po.acknowledgement.hours", "72", "tender.response.hours", "4"),
                Map.of("po.acknowledgement.hours", "24"));

        assertThat(profile.allowed(Kind.PO_ACKNOWLEDGEMENT)).isEqualTo(Duration.ofHours(24));
        assertThat(profile.allowed(Kind.TENDER_RESPONSE)).isEqualTo(Duration.ofHours(4));
        assertThat(profile.allowed(Kind.ACK_FUNCTIONAL)).isEqualTo(Duration.ofHours(24));
        assertThat(profile.allowed(Kind.INVOICE_FREIGHT)).isEqualTo(Duration.ofDays(30));
        assertThat(profile.inDays(Kind.INVOICE_FREIGHT)).isTrue();
    }

    @Test
    void tasksTakeTheHoursOfTheirKindElseTheGeneralTaskHours() {
        var profile = SlaProfile.of(Map.of(), Map.of("task.CUSTOMS_HOLD.hours", "1.5"));

        assertThat(profile.allowed("task.CUSTOMS_HOLD")).isEqualTo(Duration.ofMinutes(90));
        assertThat(profile.allowed("task.COMMITMENT_CHANGE")).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void readsTheCalendarWithShortDayNamesAndHolidays() {
        var calendar = SlaProfile.of(
                        Map.of(),
                        Map.of(
                                "calendar.zone", "America/Chicago",
                                "calendar.weekend", "sat, SUN",
                                "calendar.holidays", "2026-12-25"))
                .calendar();

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(calendar.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.holidays()).hasSize(1);
    }

    @Test
    void namesEveryKeyAndValueThatDoesNotFit() {
        var problems = SlaProfile.problems(Map.of(
                "ack.997.hours", "24",
                "po.acknowledgement.hours", "two days",
                "warn.percent", "120",
                "calendar.weekend", "Funday",
                "calendar.zone", "Mars/Olympus",
                "reminders", "yes"));

        assertThat(problems)
                .hasSize(6)
                .anySatisfy(p -> assertThat(p).startsWith("sla.ack.997.hours: unknown key"))
                .anySatisfy(p -> assertThat(p).startsWith("sla.po.acknowledgement.hours: not a number"))
                .anySatisfy(p -> assertThat(p).startsWith("sla.warn.percent:"))
                .anySatisfy(p -> assertThat(p).contains("not a day of the week: Funday"))
                .anySatisfy(p -> assertThat(p).startsWith("sla.calendar.zone:"))
                .anySatisfy(p -> assertThat(p).startsWith("sla.reminders: must be true or false"));
    }

    @Test
    void acceptsAValidProfile() {
        assertThat(SlaProfile.problems(Map.of(
                        "ack.functional.hours", "24",
                        "task.INVOICE_EXCEPTION.hours", "4",
                        "calendar.weekend", "FRI,SAT",
                        "reminders", "true")))
                .isEmpty();
    }
}
