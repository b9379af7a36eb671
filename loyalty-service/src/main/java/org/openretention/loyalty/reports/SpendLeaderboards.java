package org.openretention.loyalty.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.openretention.loyalty.config.LoyaltyConfig;


import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Top spenders of a quarter, ranked by the database: each order counts with its qualifying amount (programme
 * currency) times the share of it that was not refunded.
 */
@ApplicationScoped
public class SpendLeaderboards {

    public static final String PERIOD_PATTERN = "^\\d{4}-Q[1-4]$";
    private static final Pattern PERIOD = Pattern.compile("^(\\d{4})-Q([1-4])$");

    private final EntityManager database;
    private final LoyaltyConfig config;

    @Inject
    public SpendLeaderboards(EntityManager database, LoyaltyConfig config) {
        this.database = database;
        this.config = config;
    }

    public SpendLeaderboard top(String period, int limit) {
        Matcher m = PERIOD.matcher(period == null ? "" : period);
        if (!m.matches()) {
            throw new IllegalArgumentException("period must be a quarter like 2026-Q4, not " + period); // the API checks it first
        }
        ZonedDateTime start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1)
                .atStartOfDay(config.timezone());
        Instant from = start.toInstant();
        Instant to = start.plusMonths(3).toInstant();
        String currency = config.currency();
        int scale = Money.scale(currency);
        // set-based: a window function over an aggregate, clearer in SQL than in JPQL
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database.createNativeQuery("""
                SELECT rank() OVER (ORDER BY spend DESC), customer_id, spend, orders, tier
                FROM (SELECT o.customer_id, m.tier, count(*) AS orders,
                             round(sum(CASE WHEN o.net_amount > 0
                                            THEN o.qualifying_amount * GREATEST(0, 1 - o.refunded_amount / o.net_amount)
                                            ELSE 0 END), :scale) AS spend
                      FROM loyalty_order o
                      LEFT JOIN loyalty_member m ON m.customer_id = o.customer_id
                      WHERE o.occurred_at >= :from AND o.occurred_at < :to AND o.status <> 'CANCELLED'
                      GROUP BY o.customer_id, m.tier) per_customer
                WHERE spend > 0
                ORDER BY spend DESC, customer_id
                LIMIT :limit""")
                .setParameter("scale", scale)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit)
                .getResultList();
        List<SpendLeaderboard.Entry> entries = rows.stream()
                .map(r -> new SpendLeaderboard.Entry(((Number) r[0]).intValue(), (String) r[1], ((BigDecimal) r[2]).setScale(scale), currency,
                        ((Number) r[3]).longValue(), (String) r[4]))
                .toList();
        return new SpendLeaderboard(period, from, to, currency, entries);
    }
}
