package org.openretention.segmentation.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the segmentation rules know about one customer as of one instant, as the customer profile maintains it.
 * Every rolling figure ({@code spend12m}, {@code ordersLast90d}) is counted back from the same {@code asOf} the rules
 * are then evaluated at.
 *
 * <p>Amounts are in the one reporting currency the profile converts every order into (as loyalty does for tiers):
 * the rules compare customers with one another, which only makes sense in one currency, so the currency is a setting
 * of the service rather than a field repeated on every profile.
 *
 * @param customerId           the shop's customer id
 * @param registeredAt         when the customer registered; {@code null} for customers first seen through an order
 * @param firstOrderAt         the first completed order; {@code null} when the customer never ordered
 * @param lastOrderAt          the latest completed order; {@code null} when the customer never ordered
 * @param orderCount           completed orders, all time (fully refunded or cancelled orders excluded)
 * @param netSpend             what the customer paid, all time, net of discounts and refunds
 * @param spend12m             net spend over the rolling 12 months before {@code asOf}
 * @param averageOrderValue    net spend per order; 0 when the customer never ordered
 * @param ordersLast90d        completed orders in the 90 days before {@code asOf}
 * @param discountedOrderShare share (0..1) of the orders placed with a coupon or a discount
 * @param topCategory          the category holding most of the customer's items; {@code null} when none
 * @param topCategoryShare     that category's share (0..1) of the customer's items; 0 when there is none
 * @param interactions         what the customer did besides ordering
 * @param repeatIntervals      the gaps between consecutive order days
 * @param feedback             what feedback-service reported of the customer as of {@code asOf}
 */
public record ProfileFacts(
        String customerId,
        Instant registeredAt,
        Instant firstOrderAt,
        Instant lastOrderAt,
        int orderCount,
        BigDecimal netSpend,
        BigDecimal spend12m,
        BigDecimal averageOrderValue,
        int ordersLast90d,
        BigDecimal discountedOrderShare,
        String topCategory,
        BigDecimal topCategoryShare,
        Interactions interactions,
        RepeatIntervals repeatIntervals,
        Feedback feedback) {

    /** Facts without feedback: a customer feedback-service said nothing of. */
    public ProfileFacts(String customerId, Instant registeredAt, Instant firstOrderAt, Instant lastOrderAt, int orderCount,
                        BigDecimal netSpend, BigDecimal spend12m, BigDecimal averageOrderValue, int ordersLast90d,
                        BigDecimal discountedOrderShare, String topCategory, BigDecimal topCategoryShare, Interactions interactions,
                        RepeatIntervals repeatIntervals) {
        this(customerId, registeredAt, firstOrderAt, lastOrderAt, orderCount, netSpend, spend12m, averageOrderValue, ordersLast90d,
                discountedOrderShare, topCategory, topCategoryShare, interactions, repeatIntervals, Feedback.NONE);
    }

    public ProfileFacts {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(netSpend, "netSpend");
        Objects.requireNonNull(spend12m, "spend12m");
        Objects.requireNonNull(averageOrderValue, "averageOrderValue");
        Objects.requireNonNull(discountedOrderShare, "discountedOrderShare");
        topCategoryShare = topCategoryShare == null ? BigDecimal.ZERO : topCategoryShare;
        interactions = interactions == null ? Interactions.NONE : interactions;
        repeatIntervals = repeatIntervals == null ? RepeatIntervals.NONE : repeatIntervals;
        feedback = feedback == null ? Feedback.NONE : feedback;
        if (orderCount < 0 || ordersLast90d < 0 || ordersLast90d > orderCount) {
            throw new IllegalArgumentException("order counts of " + customerId + " are inconsistent: " + orderCount
                    + " orders, " + ordersLast90d + " in the last 90 days");
        }
        // the rules branch on "has ordered" through both the count and the dates, so they must agree
        boolean ordered = orderCount > 0;
        if (ordered != (firstOrderAt != null) || ordered != (lastOrderAt != null)) {
            throw new IllegalArgumentException("order dates of " + customerId + " must be set exactly when it has orders");
        }
        if (ordered && lastOrderAt.isBefore(firstOrderAt)) {
            throw new IllegalArgumentException("last order of " + customerId + " is before its first order");
        }
        requireShare(discountedOrderShare, "discountedOrderShare");
        requireShare(topCategoryShare, "topCategoryShare");
    }

    /** These facts with what feedback-service reported. */
    public ProfileFacts withFeedback(Feedback reported) {
        return new ProfileFacts(customerId, registeredAt, firstOrderAt, lastOrderAt, orderCount, netSpend, spend12m, averageOrderValue,
                ordersLast90d, discountedOrderShare, topCategory, topCategoryShare, interactions, repeatIntervals, reported);
    }

    public boolean hasOrdered() {
        return orderCount > 0;
    }

    private static void requireShare(BigDecimal share, String name) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + share);
        }
    }

    /** Interaction counts, all time. */
    public record Interactions(int likes, int comments, int shares, int checkIns, int reviews) {

        public static final Interactions NONE = new Interactions(0, 0, 0, 0, 0);

        public Interactions {
            if (likes < 0 || comments < 0 || shares < 0 || checkIns < 0 || reviews < 0) {
                throw new IllegalArgumentException("interaction counts cannot be negative");
            }
        }

        /** Likes, comments and shares: the interactions that engage with the shop's content socially. */
        public int social() {
            return likes + comments + shares;
        }
    }

    /**
     * The gaps between consecutive order days (the distinct dates the customer ordered on, see
     * {@link RepeatPurchaseIntervals}), so every gap is at least one day.
     *
     * @param count      number of gaps (order days minus one, for a customer who ordered)
     * @param medianDays median gap in days; may be fractional (the mean of the two middle gaps); 0 when there are none
     */
    public record RepeatIntervals(int count, double medianDays) {

        public static final RepeatIntervals NONE = new RepeatIntervals(0, 0);

        public RepeatIntervals {
            if (count < 0 || medianDays < 0 || Double.isNaN(medianDays) || Double.isInfinite(medianDays)) {
                throw new IllegalArgumentException("repeat intervals need a count >= 0 and a finite median >= 0");
            }
        }
    }

    /**
     * What feedback-service reported of the customer (feedback-events), as of the facts' instant.
     *
     * @param recentNps      the customer's latest NPS answer (0 to 10) if it was given within the period NPS counts for
     *                       ({@code segmentation.feedback.nps-valid-for}) up to the instant; {@code null} otherwise
     * @param openComplaints the customer's unresolved complaints
     */
    public record Feedback(Integer recentNps, int openComplaints) {

        public static final Feedback NONE = new Feedback(null, 0);

        public Feedback {
            if ((recentNps != null && (recentNps < 0 || recentNps > 10)) || openComplaints < 0) {
                throw new IllegalArgumentException("an NPS answer is 0 to 10 and open complaints are not negative");
            }
        }

        /** An NPS detractor (0 to 6) by the recent answer. */
        public boolean detractor() {
            return recentNps != null && recentNps <= 6;
        }

        /** An NPS promoter (9 or 10) by the recent answer. */
        public boolean promoter() {
            return recentNps != null && recentNps >= 9;
        }
    }
}
