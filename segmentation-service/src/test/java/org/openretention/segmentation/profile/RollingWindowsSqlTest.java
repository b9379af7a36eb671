package org.openretention.segmentation.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL renderings of {@link RollingWindows} and {@link CalendarDays#sqlDate} decide as the Java ones do, in
 * PostgreSQL, around every boundary: midnight in the zone, daylight-saving changes, month ends and leap days.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class RollingWindowsSqlTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void postgresqlAndJavaAgreeOnEveryWindow() throws Exception {
        Random random = new Random(3);
        List<Instant[]> pairs = new ArrayList<>();
        List<Instant> asOfs = new ArrayList<>(List.of(Instant.parse("2028-02-29T12:00:00Z"), Instant.parse("2026-03-29T00:30:00Z"),
                Instant.parse("2026-10-25T23:30:00Z"), Instant.parse("2026-03-31T22:15:00Z"), Instant.parse("2026-12-31T23:59:59Z")));
        for (int i = 0; i < 20; i++) {
            asOfs.add(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86_400)));
        }
        for (Instant asOf : asOfs) {
            // around 90 days and 12 months back, and just after asOf, to the hour
            for (long hours : new long[]{-1, 0, 1, 89 * 24 - 3, 90 * 24 - 5, 90 * 24 - 1, 90 * 24, 90 * 24 + 1, 90 * 24 + 23,
                    364 * 24, 365 * 24 - 2, 365 * 24 + 2, 366 * 24 - 1, 366 * 24 + 1, 367 * 24}) {
                pairs.add(new Instant[]{asOf.minus(Duration.ofHours(hours)), asOf});
                pairs.add(new Instant[]{asOf.minus(Duration.ofHours(hours)).plusSeconds(random.nextInt(3600)), asOf});
            }
        }
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneOffset.ofHoursMinutes(5, 30))) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < pairs.size(); i++) {
                values.append(i == 0 ? "" : ",\n").append("(").append(i).append(", TIMESTAMPTZ '").append(pairs.get(i)[0])
                        .append("', TIMESTAMPTZ '").append(pairs.get(i)[1]).append("')");
            }
            String sql = "SELECT i, " + RollingWindows.sqlInLast90Days("at", "as_of", zone) + ", "
                    + RollingWindows.sqlInLast12Months("at", "as_of", zone) + ", CAST(" + CalendarDays.sqlDate("at", zone) + " AS text)"
                    + " FROM (VALUES " + values + ") AS v (i, at, as_of) ORDER BY i";
            int checked = 0;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    Instant[] pair = pairs.get(rs.getInt(1));
                    String what = pair[0] + " as of " + pair[1] + " in " + zone;
                    assertThat(rs.getBoolean(2)).as("90 days: %s", what).isEqualTo(RollingWindows.inLast90Days(pair[0], pair[1], zone));
                    assertThat(rs.getBoolean(3)).as("12 months: %s", what).isEqualTo(RollingWindows.inLast12Months(pair[0], pair[1], zone));
                    assertThat(rs.getString(4)).as("date: %s", what).isEqualTo(CalendarDays.dateOf(pair[0], zone).toString());
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(pairs.size());
        }
    }
}
