package org.openretention.loyalty.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.reports.LiabilityReport;

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
@Schema(name = "LiabilityReport")
public record LiabilityReportView(Instant asOf, String currency, BigDecimal pointValue, long members,
                                  PointsValue outstanding, PointsValue available, PointsValue pending, PointsValue debt,
                                  PointsValue expiringWithin30Days, PointsValue expiringWithin90Days, List<TierLiability> byTier) {

    public static LiabilityReportView of(LiabilityReport r) {
        return new LiabilityReportView(r.asOf(), r.currency(), r.pointValue(), r.members(), PointsValue.of(r.outstanding()),
                PointsValue.of(r.available()), PointsValue.of(r.pending()), PointsValue.of(r.debt()), PointsValue.of(r.expiringWithin30Days()),
                PointsValue.of(r.expiringWithin90Days()), r.byTier().stream().map(TierLiability::of).toList());
    }

    /** Points and their money value in the programme currency. */
    @Schema(name = "PointsValue")
    public record PointsValue(long points, BigDecimal value) {
        static PointsValue of(LiabilityReport.PointsValue v) {
            return new PointsValue(v.points(), v.value());
        }
    }

    /** The liability of the members of one tier. */
    @Schema(name = "TierLiability")
    public record TierLiability(String tier, long members, PointsValue outstanding, PointsValue available, PointsValue pending,
                                PointsValue debt, PointsValue expiringWithin30Days, PointsValue expiringWithin90Days) {
        static TierLiability of(LiabilityReport.TierLiability t) {
            return new TierLiability(t.tier(), t.members(), PointsValue.of(t.outstanding()), PointsValue.of(t.available()),
                    PointsValue.of(t.pending()), PointsValue.of(t.debt()), PointsValue.of(t.expiringWithin30Days()),
                    PointsValue.of(t.expiringWithin90Days()));
        }
    }
}
