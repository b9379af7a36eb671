package org.openretention.segmentation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.segmentation.profile.CustomerProfile;
import org.openretention.segmentation.service.CustomerScoring;
import org.openretention.segmentation.service.ProfileQueries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A customer's profile as the API shows it. Amounts are in {@code currency}, the service's reporting currency. */
@Schema(name = "CustomerProfile")
public record CustomerProfileView(
        String customerId,
        @Schema(description = "When the customer registered; absent for a customer first seen through another event")
        Instant registeredAt,
        @Schema(description = "Preferred language (BCP 47), the latest given")
        String locale,
        @Schema(description = "Current loyalty tier, from the loyalty programme's latest TierChanged")
        String loyaltyTier,
        Orders orders,
        @Schema(description = "Share (0 to 1) of the orders placed with a coupon or a discount")
        BigDecimal discountedOrderShare,
        RepeatPurchase repeatPurchase,
        @Schema(description = "Up to three categories with the most items bought, most first")
        List<Category> topCategories,
        Interactions interactions,
        @Schema(description = "The latest product view, when no order was placed at or after it")
        Instant lastProductViewWithoutOrderAt,
        @Schema(description = "The latest cart add, when no order was placed at or after it")
        Instant lastCartAddWithoutOrderAt,
        Lifecycle lifecycle,
        @Schema(description = "Churn scores by the active model fit, as of now; absent when no fit is active or the customer never bought")
        Churn churn,
        @Schema(description = "Customer lifetime value of the next 12 months (Gamma-Gamma with the active fit's purchase model, discounted "
                + "monthly), in the reporting currency; absent when no fit is active or the customer never bought")
        BigDecimal clv12m,
        @Schema(description = "The latest event time of the customer's events the profile holds")
        Instant lastEventAt,
        @Schema(description = "The stage, RFM segment and tags the latest evaluation stored; absent before the customer's first evaluation")
        Segments segments,
        @Schema(description = "What feedback-service reported: the latest NPS and CSAT answers and the unresolved complaints; "
                + "absent when it reported nothing")
        Feedback feedback) {

    /**
     * @param latestNps      the latest NPS answer, 0 to 10
     * @param latestCsat     the latest CSAT answer, 1 to 5, for {@code csatTouchpoint}
     * @param openComplaints complaints filed and not yet resolved
     */
    public record Feedback(Integer latestNps, Instant latestNpsAt, Integer latestCsat, String csatTouchpoint, Instant latestCsatAt,
                           int openComplaints) {
    }

    /**
     * What the evaluation (POST /evaluations, scheduled) stored of the customer: unlike {@code lifecycle}, evaluated at
     * the request, these are as of {@code asOf}, the evaluation that last changed them.
     */
    public record Segments(String lifecycleStage, Instant stageSince,
                           @Schema(description = "RFM inputs as of asOf: days since the last order, orders, net spend")
                           Integer recencyDays, Integer frequency, BigDecimal monetary,
                           String rfmSegment, Integer r, Integer f, Integer m, List<String> tags,
                           @Schema(description = "Flagged as a churn risk (ChurnRiskFlagged), and by which rule: "
                                   + "PROBABILITY_ALIVE_BELOW_THRESHOLD, FEEDBACK or ENTERED_AT_RISK")
                           boolean atRisk, String churnRule,
                           @Schema(description = "Probability alive by the active fit as of asOf (the figure the flag was decided on)")
                           Double probabilityAlive,
                           @Schema(description = "12-month customer lifetime value by the active fit as of asOf, reporting currency")
                           BigDecimal clv12m,
                           @Schema(description = "When the customer is expected to buy again (start of that day in the shop's zone): "
                                   + "the last order plus their own median gap, or their top category's typical gap")
                           Instant nextPurchaseExpectedAt,
                           Instant asOf) {
    }

    /** This view with the customer's stored segments. */
    CustomerProfileView withSegments(Segments stored) {
        return new CustomerProfileView(customerId, registeredAt, locale, loyaltyTier, orders, discountedOrderShare, repeatPurchase,
                topCategories, interactions, lastProductViewWithoutOrderAt, lastCartAddWithoutOrderAt, lifecycle, churn, clv12m, lastEventAt,
                stored, feedback);
    }

    /** This view with what feedback-service reported of the customer. */
    CustomerProfileView withFeedback(Feedback reported) {
        return new CustomerProfileView(customerId, registeredAt, locale, loyaltyTier, orders, discountedOrderShare, repeatPurchase,
                topCategories, interactions, lastProductViewWithoutOrderAt, lastCartAddWithoutOrderAt, lifecycle, churn, clv12m, lastEventAt,
                segments, reported);
    }

    /**
     * The orders that count: completed, not cancelled and not fully refunded; partial refunds lower the net spend.
     *
     * @param spend12m             net spend in the 12 months up to {@code rollingFiguresAsOf}
     * @param ordersLast90d        orders in the 90 days up to {@code rollingFiguresAsOf}
     * @param rollingFiguresAsOf   the customer's latest event time, which the rolling figures count back from
     */
    public record Orders(int count, Instant firstOrderAt, Instant lastOrderAt, BigDecimal netSpend, BigDecimal averageOrderValue,
                         BigDecimal spend12m, int ordersLast90d, Instant rollingFiguresAsOf, int items, String currency) {
    }

    /**
     * Gaps between the distinct days the customer ordered on.
     *
     * @param intervals  number of gaps (order days minus one)
     * @param meanDays   absent without gaps
     * @param medianDays absent without gaps
     */
    public record RepeatPurchase(int intervals, BigDecimal meanDays, BigDecimal medianDays) {
    }

    /** @param share of the customer's items (0 to 1) */
    public record Category(String category, int items, BigDecimal share) {
    }

    public record Interactions(int productViews, int cartAdds, int checkIns, int reviews, int likes, int comments, int shares,
                               int serviceContacts) {
    }

    /**
     * The lifecycle stage as of {@code evaluatedAt} (the time of the request), with its reason. The rolling figures it
     * reads are counted back from {@code evaluatedAt}: spend12m and ordersLast90d here.
     */
    public record Lifecycle(String stage, String explanation, Instant evaluatedAt, BigDecimal spend12m, int ordersLast90d) {
    }

    /**
     * The customer's churn scores as of now.
     *
     * @param probabilityAlive     probability (0 to 1) that the customer has not dropped out
     * @param expectedPurchases30d purchase days expected in the next 30 days
     * @param expectedPurchases90d purchase days expected in the next 90 days
     * @param model                the purchase model that scored: BG_NBD or PARETO_NBD
     * @param fitId                the model fit that scored
     */
    public record Churn(double probabilityAlive, double expectedPurchases30d, double expectedPurchases90d, String model, long fitId) {
    }

    static CustomerProfileView of(ProfileQueries.EvaluatedProfile evaluated, Optional<CustomerScoring.CustomerScore> score,
                                  String currency) {
        CustomerProfile p = evaluated.profile();
        CustomerProfile.InteractionCounts i = p.interactions();
        return new CustomerProfileView(p.customerId(), p.registeredAt(), p.locale(), p.loyaltyTier(),
                new Orders(p.orderCount(), p.firstOrderAt(), p.lastOrderAt(), money(p.netSpend(), currency),
                        money(p.averageOrderValue(), currency), money(p.spend12m(), currency), p.ordersLast90d(), p.lastEventAt(),
                        p.items(), currency),
                p.discountedOrderShare(),
                new RepeatPurchase(p.repeatIntervals().count(), p.repeatIntervals().meanDays(), p.repeatIntervals().medianDays()),
                p.topCategories().stream().map(c -> new Category(c.category(), c.items(), p.shareOf(c))).toList(),
                new Interactions(i.productViews(), i.cartAdds(), i.checkIns(), i.reviews(), i.likes(), i.comments(), i.shares(),
                        i.serviceContacts()),
                p.openProductViewAt(), p.openCartAddAt(),
                new Lifecycle(evaluated.lifecycle().stage().name(), evaluated.lifecycle().explanation(), evaluated.evaluatedAt(),
                        money(evaluated.facts().spend12m(), currency), evaluated.facts().ordersLast90d()),
                score.map(c -> new Churn(c.probabilityAlive(), c.expectedPurchases30d(), c.expectedPurchases90d(), c.model().name(),
                        c.fitId())).orElse(null),
                score.map(c -> money(BigDecimal.valueOf(c.clv12m()), currency)).orElse(null),
                p.lastEventAt(), null, null);
    }

    /** To the currency's minor unit (the profile keeps 4 decimals). */
    private static BigDecimal money(BigDecimal amount, String currency) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return amount.setScale(Math.max(digits, 0), RoundingMode.HALF_EVEN);
    }
}
