package org.openretention.loyalty.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.reports.SpendLeaderboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The customers who spent most in a calendar quarter of the programme's time zone, [from, to).
 *
 * @param entries best first; equal spend shares a rank
 */
@Schema(name = "SpendLeaderboard")
public record SpendLeaderboardView(String period, Instant from, Instant to, String currency, List<Entry> entries) {

    public static SpendLeaderboardView of(SpendLeaderboard b) {
        return new SpendLeaderboardView(b.period(), b.from(), b.to(), b.currency(),
                b.entries().stream().map(e -> new Entry(e.rank(), e.customerId(), e.spend(), e.currency(), e.orders(), e.tier())).toList());
    }

    /**
     * One customer's spend in the period: qualifying spend of their orders in the programme currency, less what
     * was refunded.
     *
     * @param orders the customer's orders in the period, cancelled ones excepted
     * @param tier   the member's tier now
     */
    @Schema(name = "SpendLeaderboardEntry")
    public record Entry(int rank, String customerId, BigDecimal spend, String currency, long orders, String tier) {
    }
}
