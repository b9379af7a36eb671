package org.openretention.loyalty.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.loyalty.support.Jdbc;
import org.openretention.platform.rest.ProblemException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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

    private final AgroalDataSource dataSource;
    private final LoyaltyConfig config;

    @Inject
    public SpendLeaderboards(AgroalDataSource dataSource, LoyaltyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public SpendLeaderboard top(String period, int limit) {
        Matcher m = PERIOD.matcher(period == null ? "" : period);
        if (!m.matches()) {
            throw ProblemException.invalidField("period", "must be a quarter like 2026-Q4");
        }
        ZonedDateTime start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1)
                .atStartOfDay(config.timezone());
        Instant from = start.toInstant();
        Instant to = start.plusMonths(3).toInstant();
        String currency = config.currency();
        int scale = Money.scale(currency);
        List<SpendLeaderboard.Entry> entries = Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT rank() OVER (ORDER BY spend DESC), customer_id, spend, orders, tier
                    FROM (SELECT o.customer_id, m.tier, count(*) AS orders,
                                 round(sum(CASE WHEN o.net_amount > 0
                                                THEN o.qualifying_amount * GREATEST(0, 1 - o.refunded_amount / o.net_amount)
                                                ELSE 0 END), ?) AS spend
                          FROM loyalty_order o
                          LEFT JOIN loyalty_member m ON m.customer_id = o.customer_id
                          WHERE o.occurred_at >= ? AND o.occurred_at < ? AND o.status <> 'CANCELLED'
                          GROUP BY o.customer_id, m.tier) per_customer
                    WHERE spend > 0
                    ORDER BY spend DESC, customer_id
                    LIMIT ?""")) {
                s.setInt(1, scale);
                s.setTimestamp(2, Jdbc.timestamp(from));
                s.setTimestamp(3, Jdbc.timestamp(to));
                s.setInt(4, limit);
                List<SpendLeaderboard.Entry> top = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        top.add(new SpendLeaderboard.Entry(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3).setScale(scale),
                                currency, rs.getLong(4), rs.getString(5)));
                    }
                }
                return top;
            }
        });
        return new SpendLeaderboard(period, from, to, currency, entries);
    }
}
