package org.openretention.loyalty.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.support.Jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points liability, computed by the database in one aggregate query over open lots and member debt,
 * grouped by tier; the totals are the sums of the tiers.
 */
@ApplicationScoped
public class LiabilityReports {

    private final AgroalDataSource dataSource;
    private final ProgrammeRepository programme;
    private final LoyaltyConfig config;
    private final Clock clock;

    @Inject
    public LiabilityReports(AgroalDataSource dataSource, ProgrammeRepository programme, LoyaltyConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.programme = programme;
        this.config = config;
        this.clock = clock;
    }

    /** Per tier: members, debt, available, pending, expiring within 30 and within 90 days. */
    private record Row(long members, long debt, long available, long pending, long expiring30, long expiring90) {
        Row plus(Row o) {
            return new Row(members + o.members, debt + o.debt, available + o.available, pending + o.pending,
                    expiring30 + o.expiring30, expiring90 + o.expiring90);
        }
    }

    public LiabilityReport current() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Timestamp at = Timestamp.from(now);
        Map<String, Row> byTier = new LinkedHashMap<>();
        for (Tier tier : programme.tiers()) {
            byTier.put(tier.name(), new Row(0, 0, 0, 0, 0, 0));
        }
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT m.tier, count(*), COALESCE(sum(m.debt), 0), COALESCE(sum(l.available), 0), COALESCE(sum(l.pending), 0),
                           COALESCE(sum(l.expiring30), 0), COALESCE(sum(l.expiring90), 0)
                    FROM loyalty_member m
                    LEFT JOIN (SELECT customer_id,
                                      sum(remaining) FILTER (WHERE available_at <= ?) AS available,
                                      sum(remaining) FILTER (WHERE available_at > ?) AS pending,
                                      sum(remaining) FILTER (WHERE expires_at <= ?) AS expiring30,
                                      sum(remaining) FILTER (WHERE expires_at <= ?) AS expiring90
                               FROM points_lot
                               WHERE remaining > 0 AND expires_at > ?
                               GROUP BY customer_id) l ON l.customer_id = m.customer_id
                    GROUP BY m.tier
                    ORDER BY m.tier""")) {
                s.setTimestamp(1, at);
                s.setTimestamp(2, at);
                s.setTimestamp(3, Timestamp.from(now.plus(Duration.ofDays(30))));
                s.setTimestamp(4, Timestamp.from(now.plus(Duration.ofDays(90))));
                s.setTimestamp(5, at);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byTier.put(rs.getString(1), new Row(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                    }
                }
            }
            return null;
        });
        BigDecimal pointValue = config.pointValue();
        Row total = new Row(0, 0, 0, 0, 0, 0);
        List<LiabilityReport.TierLiability> tiers = new ArrayList<>();
        for (Map.Entry<String, Row> e : byTier.entrySet()) {
            Row r = e.getValue();
            total = total.plus(r);
            tiers.add(new LiabilityReport.TierLiability(e.getKey(), r.members, value(r.available + r.pending - r.debt, pointValue),
                    value(r.available - r.debt, pointValue), value(r.pending, pointValue), value(r.debt, pointValue),
                    value(r.expiring30, pointValue), value(r.expiring90, pointValue)));
        }
        return new LiabilityReport(now, config.currency(), pointValue, total.members,
                value(total.available + total.pending - total.debt, pointValue), value(total.available - total.debt, pointValue),
                value(total.pending, pointValue), value(total.debt, pointValue),
                value(total.expiring30, pointValue), value(total.expiring90, pointValue), tiers);
    }

    private LiabilityReport.PointsValue value(long points, BigDecimal pointValue) {
        String currency = config.currency();
        return new LiabilityReport.PointsValue(points, Money.round(pointValue.multiply(BigDecimal.valueOf(points)), currency));
    }
}
