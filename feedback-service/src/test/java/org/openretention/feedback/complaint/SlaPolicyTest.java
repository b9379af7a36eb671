package org.openretention.feedback.complaint;

import org.openretention.events.feedback.ComplaintSeverity;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First-contact deadlines on a business calendar in the shop's zone, with instants given, not read from a clock. */
class SlaPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessCalendar HOURS = BusinessCalendar.weekdays(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0));
    private static final SlaPolicy POLICY = SlaPolicy.defaults(HOURS);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void aNormalComplaintIsDueTwoBusinessHoursLater() {
        assertThat(POLICY.firstContactDue(ComplaintSeverity.NORMAL, at("2026-12-07T10:15"))).as("Monday morning")
                .isEqualTo(at("2026-12-07T12:15"));
        assertThat(POLICY.firstContactDue(ComplaintSeverity.NORMAL, at("2026-12-07T17:30"))).as("half an hour today, the rest tomorrow")
                .isEqualTo(at("2026-12-08T10:30"));
        assertThat(POLICY.firstContactDue(ComplaintSeverity.NORMAL, at("2026-12-11T17:00"))).as("Friday late: Monday")
                .isEqualTo(at("2026-12-14T10:00"));
        assertThat(POLICY.firstContactDue(ComplaintSeverity.NORMAL, at("2026-12-12T15:00"))).as("filed on Saturday")
                .isEqualTo(at("2026-12-14T11:00"));
        assertThat(POLICY.firstContactDue(ComplaintSeverity.NORMAL, at("2026-12-08T06:00"))).as("before opening")
                .isEqualTo(at("2026-12-08T11:00"));
        assertThat(POLICY.firstContactDue(ComplaintSeverity.NORMAL, at("2026-12-08T18:00"))).as("at closing time")
                .isEqualTo(at("2026-12-09T11:00"));
    }

    @Test
    void urgentAndMajorComplaintsAreDueThirtyMinutesLaterAroundTheClock() {
        assertThat(POLICY.firstContactDue(ComplaintSeverity.URGENT, at("2026-12-12T23:50"))).isEqualTo(at("2026-12-13T00:20"));
        assertThat(POLICY.firstContactDue(ComplaintSeverity.MAJOR, at("2026-12-13T03:00"))).isEqualTo(at("2026-12-13T03:30"));
    }

    @Test
    void businessHoursFollowTheZonesDaylightSavingTime() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        BusinessCalendar everyDay = new BusinessCalendar(paris, LocalTime.of(1, 0), LocalTime.of(4, 0), EnumSet.allOf(DayOfWeek.class));
        // 2026-03-29: clocks go from 02:00 to 03:00, so that day has two working hours, not three
        Instant start = ZonedDateTime.of(java.time.LocalDateTime.parse("2026-03-29T01:00"), paris).toInstant();
        assertThat(everyDay.plus(start, Duration.ofHours(2))).isEqualTo(ZonedDateTime.of(java.time.LocalDateTime.parse("2026-03-29T04:00"), paris).toInstant());
        assertThat(everyDay.plus(start, Duration.ofHours(3))).isEqualTo(ZonedDateTime.of(java.time.LocalDateTime.parse("2026-03-30T02:00"), paris).toInstant());
    }

    @Test
    void aBreachIsDecidedByTheStoredInstantsOnly() {
        Instant due = at("2026-12-07T12:15");
        assertThat(SlaPolicy.breached(due, null, at("2026-12-07T12:00"))).isFalse();
        assertThat(SlaPolicy.breached(due, null, at("2026-12-07T12:16"))).isTrue();
        assertThat(SlaPolicy.breached(due, at("2026-12-07T12:10"), at("2026-12-08T09:00"))).as("contacted in time").isFalse();
        assertThat(SlaPolicy.breached(due, at("2026-12-07T13:00"), at("2026-12-08T09:00"))).as("a late contact stays a breach").isTrue();
    }

    @Test
    void aCalendarMustHaveWorkingTime() {
        assertThatThrownBy(() -> BusinessCalendar.weekdays(SHANGHAI, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), EnumSet.noneOf(DayOfWeek.class)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HOURS.plus(at("2026-12-07T10:00"), Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
