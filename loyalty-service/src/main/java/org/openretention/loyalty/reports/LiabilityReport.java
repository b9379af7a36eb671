package org.openretention.loyalty.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The programme's points liability as of {@code asOf}: points members hold and may still spend, with their money
 * value at {@code pointValue} per point in the programme currency.
 *
 * @param outstanding points in lots not expired, less members' debt (= available + pending)
 * @param available   of those, points already spendable, less members' debt
 * @param pending     of those, points still in their return window
 * @param debt        points members owe from clawbacks of points they had spent
 * @param expiringWithin30Days points left in lots that expire in (asOf, asOf + 30 days]
 * @param expiringWithin90Days points left in lots that expire in (asOf, asOf + 90 days]
 * @param byTier      the same by the members' current tier, in tier order
 */
public record LiabilityReport(Instant asOf, String currency, BigDecimal pointValue, long members,
                              PointsValue outstanding, PointsValue available, PointsValue pending, PointsValue debt,
                              PointsValue expiringWithin30Days, PointsValue expiringWithin90Days, List<TierLiability> byTier) {

    /** Points and their money value in the programme currency. */
    public record PointsValue(long points, BigDecimal value) {
    }

    /** The liability of the members of one tier. */
    public record TierLiability(String tier, long members, PointsValue outstanding, PointsValue available, PointsValue pending,
                                PointsValue debt, PointsValue expiringWithin30Days, PointsValue expiringWithin90Days) {
    }
}
