package org.openretention.segmentation.lifecycle;

import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.profile.Profiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openretention.segmentation.profile.Profiles.customer;

class StageRulesTest {

    static final Instant AS_OF = Instant.parse("2026-10-15T12:00:00Z");
    static final StageRules RULES = new StageRules(StageThresholds.defaults());
    /** 95th-percentile spend 10,000 and a mean order value of 100: HNW needs 10,000 a year and orders of 300. */
    static final PopulationFacts POPULATION = new PopulationFacts(new BigDecimal("10000"), new BigDecimal("100"));

    static Instant daysAgo(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    static LifecycleStage stage(Profiles customer) {
        return RULES.evaluate(customer.build(), POPULATION, AS_OF).stage();
    }

    /** An established customer (registered long ago, first order long ago) whose last order was {@code days} ago. */
    static Profiles lastOrdered(long days) {
        return customer().registered(daysAgo(800)).orders(4, daysAgo(700), daysAgo(days), "400");
    }

    @Test
    void dormantFrom180DaysAfterTheLastOrderAtRiskFrom150() {
        assertThat(stage(lastOrdered(149))).isEqualTo(LifecycleStage.REGULAR);
        assertThat(stage(lastOrdered(150))).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(stage(lastOrdered(179))).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(stage(lastOrdered(180))).isEqualTo(LifecycleStage.DORMANT);
        assertThat(stage(lastOrdered(181))).isEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void theDecisionSaysWhyInPlainEnglish() {
        assertThat(RULES.evaluate(lastOrdered(183).build(), POPULATION, AS_OF))
                .isEqualTo(new StageDecision(LifecycleStage.DORMANT, "Last order 183 days ago (dormant from 180 days)."));
        assertThat(RULES.evaluate(lastOrdered(160).build(), POPULATION, AS_OF).explanation())
                .isEqualTo("Last order 160 days ago (at risk from 150 days, dormant from 180).");
        assertThat(RULES.evaluate(customer().registered(daysAgo(45)).build(), POPULATION, AS_OF).explanation())
                .isEqualTo("Registered 45 days ago and never ordered (prospect after 30 days).");
        assertThat(RULES.evaluate(lastOrdered(20).ordersLast90d(4).build(), POPULATION, AS_OF).explanation())
                .isEqualTo("4 orders in the last 90 days (active from 3).");
        assertThat(RULES.evaluate(lastOrdered(20).ordersLast90d(1).build(), POPULATION, AS_OF).explanation())
                .isEqualTo("Last order 20 days ago, 1 order in the last 90 days: no other stage applies.");
    }

    @Test
    void daysAreCalendarDaysSoTheTimeOfDayDoesNotMatter() {
        // 179 days and 90 minutes before, but on the calendar date 180 days before
        Instant lateOnTheDay = Instant.parse("2026-04-18T23:00:00Z");
        Instant asOfEarly = Instant.parse("2026-10-15T00:30:00Z");
        ProfileFacts p = customer().orders(1, lateOnTheDay, lateOnTheDay, "50").build();

        assertThat(RULES.evaluate(p, POPULATION, asOfEarly).stage()).isEqualTo(LifecycleStage.DORMANT);
        assertThat(RULES.evaluate(p, POPULATION, asOfEarly.minus(Duration.ofHours(1))).stage())
                .as("still 14 October: 179 days").isEqualTo(LifecycleStage.AT_RISK);
    }

    @Test
    void theShopsZoneDecidesWhichDayItIs() {
        StageThresholds shanghai = new StageThresholds(180, 150, 0.95, BigDecimal.valueOf(3), null, 30, 3, ZoneId.of("Asia/Shanghai"));
        Instant lastOrder = Instant.parse("2026-04-18T15:30:00Z");
        Instant asOf = Instant.parse("2026-10-14T16:30:00Z");
        ProfileFacts p = customer().orders(1, lastOrder, lastOrder, "50").build();

        assertThat(RULES.evaluate(p, POPULATION, asOf).stage()).as("18 April to 14 October in UTC: 179 days").isEqualTo(LifecycleStage.AT_RISK);
        assertThat(new StageRules(shanghai).evaluate(p, POPULATION, asOf).stage())
                .as("23:30 on 18 April to 00:30 on 15 October in Shanghai: 180 days").isEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void newForThirtyDaysAfterRegistrationThenAProspectUntilTheFirstOrder() {
        assertThat(stage(customer().registered(daysAgo(0)))).isEqualTo(LifecycleStage.NEW);
        assertThat(stage(customer().registered(daysAgo(29)))).isEqualTo(LifecycleStage.NEW);
        assertThat(stage(customer().registered(daysAgo(30)))).isEqualTo(LifecycleStage.NEW);
        assertThat(stage(customer().registered(daysAgo(31)))).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(RULES.evaluate(customer().registered(daysAgo(12)).build(), POPULATION, AS_OF).explanation())
                .isEqualTo("Registered 12 days ago (new for 30 days).");
    }

    @Test
    void aCustomerFirstSeenThroughAnOrderIsNewForThirtyDaysAfterIt() {
        assertThat(stage(customer().oneOrderDaysBefore(AS_OF, 29))).isEqualTo(LifecycleStage.NEW);
        assertThat(stage(customer().oneOrderDaysBefore(AS_OF, 30))).isEqualTo(LifecycleStage.NEW);
        assertThat(stage(customer().oneOrderDaysBefore(AS_OF, 31))).isEqualTo(LifecycleStage.REGULAR);
        assertThat(RULES.evaluate(customer().oneOrderDaysBefore(AS_OF, 1).build(), POPULATION, AS_OF).explanation())
                .isEqualTo("First order 1 day ago (new for 30 days).");
    }

    @Test
    void aLongRegisteredCustomerWhoseFirstOrderIsRecentIsNew() {
        assertThat(stage(customer().registered(daysAgo(400)).orders(1, daysAgo(3), daysAgo(3), "80")))
                .isEqualTo(LifecycleStage.NEW);
    }

    @Test
    void activeValueFromThreeOrdersInNinetyDays() {
        assertThat(stage(lastOrdered(10).ordersLast90d(2))).isEqualTo(LifecycleStage.REGULAR);
        assertThat(stage(lastOrdered(10).ordersLast90d(3))).isEqualTo(LifecycleStage.ACTIVE_VALUE);
    }

    @Test
    void highNetWorthNeedsTopSpendAndThreeTimesTheMeanOrderValue() {
        Profiles big = lastOrdered(10).spend12m("10000").averageOrderValue("300");

        assertThat(stage(big)).as("both exactly at their thresholds").isEqualTo(LifecycleStage.HIGH_NET_WORTH);
        assertThat(stage(lastOrdered(10).spend12m("9999.99").averageOrderValue("300"))).isEqualTo(LifecycleStage.REGULAR);
        assertThat(stage(lastOrdered(10).spend12m("10000").averageOrderValue("299.99"))).isEqualTo(LifecycleStage.REGULAR);
        assertThat(RULES.evaluate(big.build(), POPULATION, AS_OF).explanation()).isEqualTo(
                "12-month spend 10000.00 is in the top 5% (from 10000.00) and the average order 300.00 is at least 3 x the mean 100.00.");
    }

    @Test
    void theMeanOrderValueCanBeSetInsteadOfTakenFromThePopulation() {
        StageThresholds fixedMean = new StageThresholds(180, 150, 0.95, BigDecimal.valueOf(3), new BigDecimal("50"), 30, 3, ZoneOffset.UTC);
        ProfileFacts p = lastOrdered(10).spend12m("10000").averageOrderValue("150").build();

        assertThat(RULES.evaluate(p, POPULATION, AS_OF).stage()).isEqualTo(LifecycleStage.REGULAR);
        assertThat(new StageRules(fixedMean).evaluate(p, POPULATION, AS_OF).stage()).isEqualTo(LifecycleStage.HIGH_NET_WORTH);
        assertThat(new StageRules(fixedMean).referenceAov(POPULATION)).isEqualByComparingTo("50");
    }

    @Test
    void withoutAnySpendInThePopulationNobodyIsHighNetWorth() {
        ProfileFacts p = lastOrdered(10).spend12m("10000").averageOrderValue("300").build();

        assertThat(RULES.evaluate(p, PopulationFacts.EMPTY, AS_OF).stage()).isEqualTo(LifecycleStage.REGULAR);
    }

    @Test
    void theFirstMatchingStageWins() {
        Profiles hnwSpend = customer().registered(daysAgo(800)).orders(30, daysAgo(700), daysAgo(5), "40000")
                .spend12m("40000").averageOrderValue("1000").ordersLast90d(10);

        assertThat(stage(customer().registered(daysAgo(800)).orders(30, daysAgo(700), daysAgo(200), "40000")
                .spend12m("40000").averageOrderValue("1000"))).as("dormant before high net worth").isEqualTo(LifecycleStage.DORMANT);
        assertThat(stage(hnwSpend)).as("high net worth before active value").isEqualTo(LifecycleStage.HIGH_NET_WORTH);
        assertThat(stage(customer().registered(daysAgo(10)).orders(3, daysAgo(9), daysAgo(1), "10000").ordersLast90d(3))).as("high net worth before new").isEqualTo(LifecycleStage.HIGH_NET_WORTH);
        assertThat(stage(customer().registered(daysAgo(10)).orders(3, daysAgo(9), daysAgo(1), "300").ordersLast90d(3)))
                .as("new before active value").isEqualTo(LifecycleStage.NEW);
    }

    @Test
    void aCustomerNeitherRegisteredNorOrderingIsRegular() {
        assertThat(RULES.evaluate(customer().build(), POPULATION, AS_OF))
                .isEqualTo(new StageDecision(LifecycleStage.REGULAR, "Never ordered and not registered: no other stage applies."));
    }

    @Test
    void thresholdsAreConfigurable() {
        StageThresholds strict = new StageThresholds(90, 60, 0.99, BigDecimal.valueOf(2), null, 7, 5, ZoneOffset.UTC);
        StageRules rules = new StageRules(strict);

        assertThat(rules.evaluate(lastOrdered(90).build(), POPULATION, AS_OF).stage()).isEqualTo(LifecycleStage.DORMANT);
        assertThat(rules.evaluate(lastOrdered(60).build(), POPULATION, AS_OF).stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(rules.evaluate(customer().registered(daysAgo(8)).build(), POPULATION, AS_OF).stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(rules.evaluate(lastOrdered(10).ordersLast90d(4).build(), POPULATION, AS_OF).stage()).isEqualTo(LifecycleStage.REGULAR);
        assertThat(rules.evaluate(lastOrdered(10).spend12m("10000").averageOrderValue("200").build(), POPULATION, AS_OF).stage())
                .isEqualTo(LifecycleStage.HIGH_NET_WORTH);
    }
}
