package org.openretention.segmentation.profile;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarDaysTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void daysCountCalendarDatesNotTwentyFourHourPeriods() {
        assertThat(CalendarDays.between(Instant.parse("2026-03-01T23:50:00Z"), Instant.parse("2026-03-02T00:10:00Z"), ZoneOffset.UTC))
                .as("20 minutes across midnight is a day").isEqualTo(1);
        assertThat(CalendarDays.between(Instant.parse("2026-03-01T00:10:00Z"), Instant.parse("2026-03-01T23:50:00Z"), ZoneOffset.UTC))
                .as("the same date is 0 days").isZero();
    }

    @Test
    void theShopsZoneDecidesTheDate() {
        Instant lateEveningInParis = Instant.parse("2026-06-01T22:30:00Z");
        Instant nextMorning = Instant.parse("2026-06-02T06:00:00Z");

        assertThat(CalendarDays.between(lateEveningInParis, nextMorning, ZoneOffset.UTC)).isEqualTo(1);
        assertThat(CalendarDays.between(lateEveningInParis, nextMorning, PARIS)).as("00:30 and 08:00 on 2 June in Paris").isZero();
    }

    @Test
    void aDaylightSavingChangeDoesNotShortenADay() {
        // 29 March 2026 has 23 hours in Paris
        assertThat(CalendarDays.between(Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-30T11:00:00Z"), PARIS)).isEqualTo(2);
    }

    @Test
    void sqlPassesRegionsAsTextAndOffsetsAsIntervalsWithTheirIsoSign() {
        assertThat(CalendarDays.sql("last_order_at", "CAST(:asOf AS timestamptz)", PARIS))
                .isEqualTo("(CAST((CAST(:asOf AS timestamptz)) AT TIME ZONE 'Europe/Paris' AS date)"
                        + " - CAST((last_order_at) AT TIME ZONE 'Europe/Paris' AS date))");
        assertThat(CalendarDays.sqlZone(ZoneOffset.UTC)).isEqualTo("'UTC'");
        assertThat(CalendarDays.sqlZone(ZoneId.of("UTC"))).isEqualTo("'UTC'");
        assertThat(CalendarDays.sqlZone(ZoneOffset.ofHours(2))).isEqualTo("INTERVAL '+02:00'");
    }
}
