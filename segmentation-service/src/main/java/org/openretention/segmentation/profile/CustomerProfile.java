package org.openretention.segmentation.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's profile as materialised from the events of {@code customers}, {@code orders}, {@code interactions}
 * and {@code loyalty-events}. Amounts are in the reporting currency ({@link ReportingCurrency}).
 *
 * <p>An order counts when it completed and was neither cancelled nor fully refunded (a refund flagged as full, or
 * refunds adding up to its net amount); a partial refund lowers its net amount. Every order figure is over the
 * orders that count.
 *
 * @param registeredAt        from {@code CustomerRegistered}; {@code null} for a customer first seen otherwise
 * @param locale              the latest locale by event time; {@code null} when none was given
 * @param loyaltyTier         the tier of the latest {@code TierChanged} by event time; {@code null} before any
 * @param lastEventAt         the latest event time of any event applied to the profile: the instant {@code spend12m}
 *                            and {@code ordersLast90d} are counted back from
 * @param spend12m            net spend in the 12 months up to {@code lastEventAt} ({@link RollingWindows})
 * @param ordersLast90d       orders in the 90 days up to {@code lastEventAt} ({@link RollingWindows})
 * @param items               items (units) of the orders that count
 * @param topCategories       up to three categories with the most items, most first (ties by name)
 * @param openProductViewAt   the latest product view when no order was placed at or after it; else {@code null}
 * @param openCartAddAt       the latest cart add when no order was placed at or after it; else {@code null}
 */
public record CustomerProfile(
        String customerId,
        Instant registeredAt,
        String locale,
        String loyaltyTier,
        Instant lastEventAt,
        Instant firstOrderAt,
        Instant lastOrderAt,
        int orderCount,
        BigDecimal netSpend,
        BigDecimal spend12m,
        int ordersLast90d,
        BigDecimal averageOrderValue,
        BigDecimal discountedOrderShare,
        RepeatPurchaseIntervals repeatIntervals,
        int items,
        List<CategoryItems> topCategories,
        Instant openProductViewAt,
        Instant openCartAddAt,
        InteractionCounts interactions) {

    public CustomerProfile {
        Objects.requireNonNull(customerId, "customerId");
        topCategories = List.copyOf(topCategories);
    }

    /** A category and the items of it the customer bought. */
    public record CategoryItems(String category, int items) {
    }

    /** Interactions by kind, all time. */
    public record InteractionCounts(int productViews, int cartAdds, int checkIns, int reviews, int likes, int comments,
                                    int shares, int serviceContacts) {
    }

    /** The share (0..1, 4 decimals) of the customer's items a category of {@link #topCategories} holds. */
    public BigDecimal shareOf(CategoryItems category) {
        return items == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(category.items()).divide(BigDecimal.valueOf(items), 4, RoundingMode.HALF_UP);
    }

    /**
     * What the rules read of this customer as of {@code asOf}, with the rolling figures counted back from it (the
     * caller computes them from the orders, {@link RollingWindows}); the all-time figures are the profile's.
     */
    public ProfileFacts factsAsOf(BigDecimal spend12mAsOf, int ordersLast90dAsOf) {
        CategoryItems top = topCategories.isEmpty() ? null : topCategories.get(0);
        return new ProfileFacts(customerId, registeredAt, firstOrderAt, lastOrderAt, orderCount, netSpend, spend12mAsOf,
                averageOrderValue, ordersLast90dAsOf, discountedOrderShare, top == null ? null : top.category(),
                top == null ? BigDecimal.ZERO : shareOf(top),
                new ProfileFacts.Interactions(interactions.likes(), interactions.comments(), interactions.shares(),
                        interactions.checkIns(), interactions.reviews()),
                repeatIntervals.toFacts());
    }
}
