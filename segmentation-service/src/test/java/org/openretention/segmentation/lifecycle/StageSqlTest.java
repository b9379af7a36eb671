package org.openretention.segmentation.lifecycle;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageSqlTest {

    static final String UTC_DAYS = "(CAST((CAST(:asOf AS timestamptz)) AT TIME ZONE 'UTC' AS date) - CAST((%s) AT TIME ZONE 'UTC' AS date))";

    static String days(String column) {
        return UTC_DAYS.formatted(column);
    }

    @Test
    void theDefaultsRenderAsOneCaseInTheOrderOfTheRules() {
        assertThat(StageSql.stageCase(StageThresholds.defaults())).isEqualTo("CASE"
                + "\n  WHEN last_order_at IS NOT NULL AND " + days("last_order_at") + " >= 180 THEN 'DORMANT'"
                + "\n  WHEN last_order_at IS NOT NULL AND " + days("last_order_at") + " >= 150 THEN 'AT_RISK'"
                + "\n  WHEN spend_12m > 0 AND spend_12m >= CAST(:hnwSpendCut AS numeric)"
                + " AND avg_order_value >= 3 * CAST(:meanAov AS numeric) THEN 'HIGH_NET_WORTH'"
                + "\n  WHEN (registered_at IS NOT NULL AND " + days("registered_at") + " <= 30)"
                + " OR (first_order_at IS NOT NULL AND " + days("first_order_at") + " <= 30) THEN 'NEW'"
                + "\n  WHEN orders_90d >= 3 THEN 'ACTIVE_VALUE'"
                + "\n  WHEN order_count = 0 AND registered_at IS NOT NULL AND " + days("registered_at") + " > 30 THEN 'PROSPECT'"
                + "\n  ELSE 'REGULAR'"
                + "\nEND");
    }

    @Test
    void everyThresholdReachesTheSql() {
        StageThresholds custom = new StageThresholds(200, 120, 0.99, new BigDecimal("2.5"), new BigDecimal("80.50"), 14, 4,
                ZoneId.of("Europe/Paris"));
        String sql = StageSql.stageCase(custom);

        assertThat(sql)
                .contains(" >= 200 THEN 'DORMANT'", " >= 120 THEN 'AT_RISK'", "avg_order_value >= 2.5 * 80.50 THEN",
                        " <= 14) THEN 'NEW'", "orders_90d >= 4 THEN", " > 14 THEN 'PROSPECT'", "AT TIME ZONE 'Europe/Paris'")
                .doesNotContain(":meanAov", "'UTC'");
        assertThat(StageSql.population(custom, "customer_profile")).contains("percentile_disc(0.99)");
    }

    @Test
    void theParametersAreThoseTheSqlNames() {
        Instant asOf = Instant.parse("2026-10-15T12:00:00Z");
        PopulationFacts population = new PopulationFacts(new BigDecimal("9000"), new BigDecimal("120"));

        assertThat(StageSql.parameters(StageThresholds.defaults(), population, asOf)).containsOnlyKeys("asOf", "hnwSpendCut", "meanAov")
                .containsEntry("asOf", OffsetDateTime.of(2026, 10, 15, 12, 0, 0, 0, ZoneOffset.UTC))
                .containsEntry("hnwSpendCut", new BigDecimal("9000"))
                .containsEntry("meanAov", new BigDecimal("120"));
        StageThresholds fixedMean = new StageThresholds(180, 150, 0.95, BigDecimal.valueOf(3), BigDecimal.TEN, 30, 3, ZoneOffset.UTC);
        assertThat(StageSql.parameters(fixedMean, PopulationFacts.EMPTY, asOf)).containsOnlyKeys("asOf", "hnwSpendCut")
                .containsEntry("hnwSpendCut", null);
    }

    @Test
    void thePopulationQueryIsTheNearestRankPercentileOfPositiveSpendsAndTheMeanOrderValue() {
        assertThat(StageSql.population(StageThresholds.defaults(), "segmentation.customer_profile")).isEqualTo(
                "SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY spend_12m) FILTER (WHERE spend_12m > 0) AS hnw_spend_cut,"
                        + "\n       avg(avg_order_value) FILTER (WHERE order_count > 0) AS mean_aov"
                        + "\nFROM segmentation.customer_profile");
        assertThatThrownBy(() -> StageSql.population(StageThresholds.defaults(), "profiles; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
