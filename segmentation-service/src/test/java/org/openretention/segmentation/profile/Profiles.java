package org.openretention.segmentation.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Customer profiles for the rule tests: a builder whose defaults are a customer who registered and never ordered. */
public final class Profiles {

    private String customerId = "c-1";
    private Instant registeredAt;
    private Instant firstOrderAt;
    private Instant lastOrderAt;
    private int orderCount;
    private BigDecimal netSpend = BigDecimal.ZERO;
    private BigDecimal spend12m = BigDecimal.ZERO;
    private BigDecimal averageOrderValue = BigDecimal.ZERO;
    private int ordersLast90d;
    private BigDecimal discountedOrderShare = BigDecimal.ZERO;
    private String topCategory;
    private BigDecimal topCategoryShare = BigDecimal.ZERO;
    private ProfileFacts.Interactions interactions = ProfileFacts.Interactions.NONE;
    private ProfileFacts.RepeatIntervals repeatIntervals = ProfileFacts.RepeatIntervals.NONE;
    private ProfileFacts.Feedback feedback = ProfileFacts.Feedback.NONE;

    private Profiles() {
    }

    public static Profiles customer(String customerId) {
        Profiles p = new Profiles();
        p.customerId = customerId;
        return p;
    }

    public static Profiles customer() {
        return customer("c-1");
    }

    public Profiles registered(Instant at) {
        registeredAt = at;
        return this;
    }

    /**
     * {@code count} orders from {@code first} to {@code last}, with {@code spend} as both all-time and 12-month net
     * spend, the average order value following.
     */
    public Profiles orders(int count, Instant first, Instant last, String spend) {
        orderCount = count;
        firstOrderAt = first;
        lastOrderAt = last;
        netSpend = new BigDecimal(spend);
        spend12m = netSpend;
        averageOrderValue = count == 0 ? BigDecimal.ZERO : netSpend.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        return this;
    }

    /** One order, {@code days} times 24 hours before {@code asOf}. */
    public Profiles oneOrderDaysBefore(Instant asOf, long days) {
        Instant at = asOf.minus(Duration.ofDays(days));
        return orders(1, at, at, "100");
    }

    public Profiles spend12m(String amount) {
        spend12m = new BigDecimal(amount);
        return this;
    }

    public Profiles averageOrderValue(String amount) {
        averageOrderValue = new BigDecimal(amount);
        return this;
    }

    public Profiles ordersLast90d(int count) {
        ordersLast90d = count;
        return this;
    }

    public Profiles discountedOrderShare(String share) {
        discountedOrderShare = new BigDecimal(share);
        return this;
    }

    public Profiles topCategory(String category, String share) {
        topCategory = category;
        topCategoryShare = new BigDecimal(share);
        return this;
    }

    public Profiles interactions(int likes, int comments, int shares) {
        interactions = new ProfileFacts.Interactions(likes, comments, shares, 0, 0);
        return this;
    }

    public Profiles repeatIntervals(int count, double medianDays) {
        repeatIntervals = new ProfileFacts.RepeatIntervals(count, medianDays);
        return this;
    }

    public Profiles feedback(Integer recentNps, int openComplaints) {
        feedback = new ProfileFacts.Feedback(recentNps, openComplaints);
        return this;
    }

    public ProfileFacts build() {
        return new ProfileFacts(customerId, registeredAt, firstOrderAt, lastOrderAt, orderCount, netSpend, spend12m,
                averageOrderValue, ordersLast90d, discountedOrderShare, topCategory, topCategoryShare, interactions,
                repeatIntervals, feedback);
    }
}
