package org.openretention.loyalty.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.loyalty.program.Tier;

import java.math.BigDecimal;
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

    private final EntityManager database;
    private final ProgrammeRepository programme;
    private final LoyaltyConfig config;
    private final Clock clock;

    @Inject
    public LiabilityReports(EntityManager database, ProgrammeRepository programme, LoyaltyConfig config, Clock clock) {
        this.database = database;
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
        Map<String, Row> byTier = new LinkedHashMap<>();
        for (Tier tier : programme.tiers()) {
            byTier.put(tier.name(), new Row(0, 0, 0, 0, 0, 0));
        }
        // set-based: one aggregate over every member and open lot, clearer in SQL than in JPQL
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database.createNativeQuery("""
                SELECT m.tier, count(*), COALESCE(sum(m.debt), 0), COALESCE(sum(l.available), 0), COALESCE(sum(l.pending), 0),
                       COALESCE(sum(l.expiring30), 0), COALESCE(sum(l.expiring90), 0)
                FROM loyalty_member m
                LEFT JOIN (SELECT customer_id,
                                  sum(remaining) FILTER (WHERE available_at <= :now) AS available,
                                  sum(remaining) FILTER (WHERE available_at > :now) AS pending,
                                  sum(remaining) FILTER (WHERE expires_at <= :in30days) AS expiring30,
                                  sum(remaining) FILTER (WHERE expires_at <= :in90days) AS expiring90
                           FROM points_lot
                           WHERE remaining > 0 AND expires_at > :now
                           GROUP BY customer_id) l ON l.customer_id = m.customer_id
                GROUP BY m.tier
                ORDER BY m.tier""")
                .setParameter("now", now)
                .setParameter("in30days", now.plus(Duration.ofDays(30)))
                .setParameter("in90days", now.plus(Duration.ofDays(90)))
                .getResultList();
        for (Object[] r : rows) {
            byTier.put((String) r[0], new Row(count(r[1]), count(r[2]), count(r[3]), count(r[4]), count(r[5]), count(r[6])));
        }
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

    private static long count(Object number) {
        return ((Number) number).longValue();
    }

    private LiabilityReport.PointsValue value(long points, BigDecimal pointValue) {
        String currency = config.currency();
        return new LiabilityReport.PointsValue(points, Money.round(pointValue.multiply(BigDecimal.valueOf(points)), currency));
    }
}
