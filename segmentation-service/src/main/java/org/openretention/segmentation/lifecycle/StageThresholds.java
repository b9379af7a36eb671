package org.openretention.segmentation.lifecycle;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The configurable values of the lifecycle stage rules. One instance drives both the Java rules and the SQL sweep.
 *
 * @param dormantDays        dormant when the last order is this many calendar days old or older
 * @param atRiskDays         at risk from this many days up to {@code dormantDays - 1}
 * @param hnwSpendPercentile the percentile of 12-month spend (among customers with any) a high-net-worth customer's
 *                           spend must reach: 0.95 is the top 5%
 * @param hnwAovMultiple     a high-net-worth customer's average order value is at least this many times the mean
 * @param meanAovOverride    the mean average order value to compare with; {@code null} to take the population's
 * @param newDays            new while the registration or the first order is at most this many days old; a
 *                           registered customer who never ordered is a prospect from {@code newDays + 1} days
 * @param activeOrders90d    active-value from this many orders in the last 90 days
 * @param zone               the calendar in which days are counted (the shop's time zone)
 */
public record StageThresholds(
        int dormantDays,
        int atRiskDays,
        double hnwSpendPercentile,
        BigDecimal hnwAovMultiple,
        BigDecimal meanAovOverride,
        int newDays,
        int activeOrders90d,
        ZoneId zone) {

    public StageThresholds {
        Objects.requireNonNull(hnwAovMultiple, "hnwAovMultiple");
        Objects.requireNonNull(zone, "zone");
        if (atRiskDays <= 0 || dormantDays <= atRiskDays) {
            throw new IllegalArgumentException("need 0 < atRiskDays < dormantDays, got " + atRiskDays + " and " + dormantDays);
        }
        if (!(hnwSpendPercentile > 0 && hnwSpendPercentile <= 1)) {
            throw new IllegalArgumentException("hnwSpendPercentile must be in (0, 1], was " + hnwSpendPercentile);
        }
        if (hnwAovMultiple.signum() < 0 || (meanAovOverride != null && meanAovOverride.signum() < 0)) {
            throw new IllegalArgumentException("average order value thresholds cannot be negative");
        }
        if (newDays < 0 || activeOrders90d < 1) {
            throw new IllegalArgumentException("need newDays >= 0 and activeOrders90d >= 1");
        }
    }

    /** Dormant from 180 days, at risk from 150, top 5% and 3 x the mean AOV, new for 30 days, active from 3 orders, UTC. */
    public static StageThresholds defaults() {
        return new StageThresholds(180, 150, 0.95, BigDecimal.valueOf(3), null, 30, 3, ZoneOffset.UTC);
    }
}
