package org.openretention.loyalty.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The customers who spent most in a calendar quarter of the programme's time zone, [from, to).
 *
 * @param entries best first; equal spend shares a rank
 */
public record SpendLeaderboard(String period, Instant from, Instant to, String currency, List<Entry> entries) {

    /**
     * One customer's spend in the period: qualifying spend of their orders in the programme currency, less what
     * was refunded.
     *
     * @param orders the customer's orders in the period, cancelled ones excepted
     * @param tier   the member's tier now
     */
    public record Entry(int rank, String customerId, BigDecimal spend, String currency, long orders, String tier) {
    }
}
