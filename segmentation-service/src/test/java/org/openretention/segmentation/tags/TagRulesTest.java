package org.openretention.segmentation.tags;

import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.Profiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedSet;

import static org.assertj.core.api.Assertions.assertThat;

class TagRulesTest {

    static final Instant T = Instant.parse("2026-09-01T10:00:00Z");
    static final TagRules RULES = new TagRules(TagThresholds.defaults());
    static final BigDecimal MEAN_AOV = new BigDecimal("100");

    /** {@code orders} orders with an average order value of 100 (the population mean). */
    static Profiles buyer(int orders) {
        return Profiles.customer().orders(orders, T, T, String.valueOf(orders * 100));
    }

    static SortedSet<String> tags(Profiles customer) {
        return RULES.tags(customer.build(), MEAN_AOV);
    }

    @Test
    void priceSensitiveWhenMoreThanHalfOfTwoOrMoreOrdersWereDiscounted() {
        assertThat(tags(buyer(4).discountedOrderShare("0.75"))).containsExactly(TagRules.PRICE_SENSITIVE);
        assertThat(tags(buyer(4).discountedOrderShare("0.5"))).as("half is not more than half").isEmpty();
        assertThat(tags(buyer(3).discountedOrderShare("0.67"))).containsExactly(TagRules.PRICE_SENSITIVE);
        assertThat(tags(buyer(1).discountedOrderShare("1"))).as("one order is not a habit").isEmpty();
        assertThat(tags(buyer(2).discountedOrderShare("1"))).containsExactly(TagRules.PRICE_SENSITIVE);
    }

    @Test
    void qualitySeekerBuysBigBasketsAtFullPrice() {
        Profiles bigBaskets = buyer(2).averageOrderValue("150");

        assertThat(tags(bigBaskets)).as("1.5 x the mean, no discounts").containsExactly(TagRules.QUALITY_SEEKER);
        assertThat(tags(bigBaskets.discountedOrderShare("0.2"))).as("20% discounted is still full price").containsExactly(TagRules.QUALITY_SEEKER);
        assertThat(tags(buyer(2).averageOrderValue("150").discountedOrderShare("0.21"))).isEmpty();
        assertThat(tags(buyer(2).averageOrderValue("149.99"))).isEmpty();
        assertThat(RULES.tags(buyer(2).averageOrderValue("150").build(), null)).as("no mean, no comparison").isEmpty();
        assertThat(RULES.tags(buyer(2).averageOrderValue("150").build(), BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void theDominantCategoryHoldsAtLeast40PercentOfTheItems() {
        assertThat(tags(buyer(3).topCategory("BOOKS", "0.4"))).containsExactly("CATEGORY:BOOKS");
        assertThat(tags(buyer(3).topCategory("BOOKS", "0.39"))).isEmpty();
        assertThat(TagRules.category("BABY")).isEqualTo("CATEGORY:BABY");
    }

    @Test
    void sociallyEngagedFromFiveLikesCommentsAndSharesTogether() {
        assertThat(tags(Profiles.customer().registered(T).interactions(2, 1, 2))).containsExactly(TagRules.SOCIAL_ENGAGED);
        assertThat(tags(Profiles.customer().registered(T).interactions(2, 1, 1))).isEmpty();
    }

    @Test
    void aRecentNpsAnswerMakesADetractorOrAPromoter() {
        assertThat(tags(buyer(1).feedback(0, 0))).containsExactly(TagRules.DETRACTOR);
        assertThat(tags(buyer(1).feedback(6, 0))).containsExactly(TagRules.DETRACTOR);
        assertThat(tags(buyer(1).feedback(7, 0))).as("passive").isEmpty();
        assertThat(tags(buyer(1).feedback(8, 0))).as("passive").isEmpty();
        assertThat(tags(buyer(1).feedback(9, 0))).containsExactly(TagRules.PROMOTER);
        assertThat(tags(buyer(1).feedback(10, 0))).containsExactly(TagRules.PROMOTER);
        assertThat(tags(buyer(1).feedback(null, 2))).as("no recent answer, whatever the complaints").isEmpty();
        assertThat(tags(buyer(4).discountedOrderShare("0.75").feedback(10, 0)))
                .containsExactly(TagRules.PRICE_SENSITIVE, TagRules.PROMOTER);
    }

    @Test
    void tagsCombineAndComeSorted() {
        SortedSet<String> tags = tags(buyer(6).discountedOrderShare("0.9").topCategory("TOYS", "0.8").interactions(10, 0, 0));

        assertThat(tags).containsExactly("CATEGORY:TOYS", "PRICE_SENSITIVE", "SOCIAL_ENGAGED");
    }

    @Test
    void thresholdsAreConfigurable() {
        TagRules loose = new TagRules(new TagThresholds(new BigDecimal("0.3"), 3, new BigDecimal("1.2"), new BigDecimal("0.5"),
                new BigDecimal("0.25"), 2));
        SortedSet<String> tags = loose.tags(buyer(3).averageOrderValue("120").discountedOrderShare("0.34")
                .topCategory("BOOKS", "0.25").interactions(0, 2, 0).build(), MEAN_AOV);

        assertThat(tags).containsExactly("CATEGORY:BOOKS", "PRICE_SENSITIVE", "QUALITY_SEEKER", "SOCIAL_ENGAGED");
    }
}
