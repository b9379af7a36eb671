package org.openretention.segmentation.profile;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollingWindowsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theLast90DaysAreTheNinetyDatesEndingOnTheDayOfAsOf() {
        Instant asOf = Instant.parse("2026-06-30T08:00:00Z");
        assertThat(RollingWindows.inLast90Days(Instant.parse("2026-04-01T23:59:00Z"), asOf, ZoneOffset.UTC)).as("90 days ago").isFalse();
        assertThat(RollingWindows.inLast90Days(Instant.parse("2026-04-02T00:01:00Z"), asOf, ZoneOffset.UTC)).as("89 days ago").isTrue();
        assertThat(RollingWindows.inLast90Days(Instant.parse("2026-06-30T07:59:59Z"), asOf, ZoneOffset.UTC)).as("today").isTrue();
        assertThat(RollingWindows.inLast90Days(Instant.parse("2026-06-30T08:00:01Z"), asOf, ZoneOffset.UTC)).as("after asOf").isFalse();
    }

    @Test
    void theLast12MonthsStartAfterTheSameDateAYearBefore() {
        Instant asOf = Instant.parse("2026-06-30T08:00:00Z");
        assertThat(RollingWindows.inLast12Months(Instant.parse("2025-06-30T23:00:00Z"), asOf, ZoneOffset.UTC)).isFalse();
        assertThat(RollingWindows.inLast12Months(Instant.parse("2025-07-01T00:00:00Z"), asOf, ZoneOffset.UTC)).isTrue();
        assertThat(RollingWindows.inLast12Months(Instant.parse("2026-06-30T09:00:00Z"), asOf, ZoneOffset.UTC)).as("after asOf").isFalse();
        // from a 29 February the window starts after 28 February, as PostgreSQL counts a year back
        Instant leapDay = Instant.parse("2028-02-29T12:00:00Z");
        assertThat(RollingWindows.inLast12Months(Instant.parse("2027-02-28T12:00:00Z"), leapDay, ZoneOffset.UTC)).isFalse();
        assertThat(RollingWindows.inLast12Months(Instant.parse("2027-03-01T00:00:00Z"), leapDay, ZoneOffset.UTC)).isTrue();
    }

    @Test
    void theShopsZoneDecidesTheDates() {
        // 22:30 UTC on 1 April is 00:30 on 2 April in Paris: 89 days before 30 June there, 90 in UTC
        Instant order = Instant.parse("2026-04-01T22:30:00Z");
        Instant asOf = Instant.parse("2026-06-30T12:00:00Z");
        assertThat(RollingWindows.inLast90Days(order, asOf, ZoneOffset.UTC)).isFalse();
        assertThat(RollingWindows.inLast90Days(order, asOf, PARIS)).isTrue();
    }

    @Test
    void theSqlNamesTheZoneAndTheBoundaries() {
        assertThat(RollingWindows.sqlInLast90Days("o.at", "CAST(:asOf AS timestamptz)", PARIS))
                .isEqualTo("((o.at) <= (CAST(:asOf AS timestamptz)) AND (CAST((CAST(:asOf AS timestamptz)) AT TIME ZONE 'Europe/Paris' AS date)"
                        + " - CAST((o.at) AT TIME ZONE 'Europe/Paris' AS date)) < 90)");
        assertThat(RollingWindows.sqlInLast12Months("o.at", "t.as_of", ZoneOffset.UTC))
                .isEqualTo("((o.at) <= (t.as_of) AND CAST((o.at) AT TIME ZONE 'UTC' AS date)"
                        + " > CAST(CAST((t.as_of) AT TIME ZONE 'UTC' AS date) - INTERVAL '12 months' AS date))");
    }

    /** The windows' first instants decide as the dates do, around midnights, daylight-saving changes and month ends. */
    @Test
    void theWindowsStartAtTheFirstInstantOfTheirFirstDate() {
        java.util.Random random = new java.util.Random(11);
        List<Instant> asOfs = new java.util.ArrayList<>(List.of(Instant.parse("2028-02-29T12:00:00Z"), Instant.parse("2026-03-29T00:30:00Z"),
                Instant.parse("2026-10-25T23:30:00Z"), Instant.parse("2026-03-31T22:15:00Z"), Instant.parse("2027-03-29T01:30:00Z")));
        for (int i = 0; i < 200; i++) {
            asOfs.add(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86_400)));
        }
        int checked = 0;
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Shanghai"),
                ZoneOffset.ofHoursMinutes(5, 30))) {
            for (Instant asOf : asOfs) {
                Instant from90 = RollingWindows.last90DaysStart(asOf, zone);
                Instant from12 = RollingWindows.last12MonthsStart(asOf, zone);
                for (long minutes : new long[] {-60, 0, 1, 89 * 1440, 90 * 1440 - 1, 90 * 1440, 90 * 1440 + 1, 364 * 1440, 365 * 1440,
                        366 * 1440, 367 * 1440}) {
                    for (Instant at : List.of(asOf.minusSeconds(minutes * 60), from90, from90.minusSeconds(1), from12, from12.minusSeconds(1),
                            asOf.minusSeconds(minutes * 60 + random.nextInt(3600)))) {
                        assertThat(!at.isBefore(from90) && !at.isAfter(asOf)).as("90 days: %s as of %s in %s", at, asOf, zone)
                                .isEqualTo(RollingWindows.inLast90Days(at, asOf, zone));
                        assertThat(!at.isBefore(from12) && !at.isAfter(asOf)).as("12 months: %s as of %s in %s", at, asOf, zone)
                                .isEqualTo(RollingWindows.inLast12Months(at, asOf, zone));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
