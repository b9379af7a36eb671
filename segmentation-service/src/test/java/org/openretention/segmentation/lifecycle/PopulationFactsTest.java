package org.openretention.segmentation.lifecycle;

import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.profile.Profiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationFactsTest {

    static final Instant T = Instant.parse("2026-09-01T10:00:00Z");

    static ProfileFacts spender(int i, String spend12m) {
        return Profiles.customer("c-" + i).orders(1, T, T, spend12m).build();
    }

    static List<ProfileFacts> spenders(String... spends) {
        List<ProfileFacts> profiles = new ArrayList<>();
        for (String spend : spends) {
            profiles.add(spender(profiles.size(), spend));
        }
        return profiles;
    }

    static String[] repeat(int times, String spend) {
        String[] spends = new String[times];
        Arrays.fill(spends, spend);
        return spends;
    }

    @Test
    void theCutIsTheNearestRankPercentileOfThePositiveSpends() {
        List<ProfileFacts> twenty = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add(spender(i, String.valueOf(i * 100)));
        }
        // 20 spends: ceil(0.95 * 20) = 19th smallest
        assertThat(PopulationFacts.of(twenty, 0.95).hnwSpendCut()).isEqualByComparingTo("1900");

        twenty.add(spender(21, "2100"));
        // 21 spends: ceil(19.95) = 20th smallest
        assertThat(PopulationFacts.of(twenty, 0.95).hnwSpendCut()).isEqualByComparingTo("2000");
    }

    @Test
    void customersWithoutTwelveMonthSpendAreNotPartOfThePercentile() {
        List<ProfileFacts> profiles = new ArrayList<>(spenders("100", "200", "300", "400", "500"));
        for (int i = 0; i < 95; i++) {
            profiles.add(Profiles.customer("idle-" + i).registered(T).build());
            profiles.add(Profiles.customer("lapsed-" + i).orders(1, T, T, "50").spend12m("0").build());
        }

        assertThat(PopulationFacts.of(profiles, 0.95).hnwSpendCut()).as("ceil(0.95 * 5) = 5th of 5").isEqualByComparingTo("500");
    }

    @Test
    void spendsTiedAtTheCutAreAllIn() {
        // 19 customers at 100 and one at 500: the 19th smallest is 100, so all twenty reach the cut
        List<ProfileFacts> mostlyTied = spenders(concat(repeat(19, "100"), "500"));
        PopulationFacts facts = PopulationFacts.of(mostlyTied, 0.95);
        assertThat(facts.hnwSpendCut()).isEqualByComparingTo("100");

        // 17 at 100 and 3 tied at 500: the 19th is 500 and the three tied customers are all in, 15% rather than 5%
        assertThat(PopulationFacts.of(spenders(concat(repeat(17, "100"), "500", "500", "500")), 0.95).hnwSpendCut())
                .isEqualByComparingTo("500");
    }

    @Test
    void whenSpendsTieAtTheCutTheOrderValueDecidesWhoIsHighNetWorth() {
        Instant asOf = T.plusSeconds(86_400L * 60);
        List<ProfileFacts> profiles = new ArrayList<>(spenders(repeat(19, "100")));
        ProfileFacts bigBasket = Profiles.customer("big").orders(1, T, T, "100").averageOrderValue("1000").build();
        profiles.add(bigBasket);
        PopulationFacts facts = PopulationFacts.of(profiles, 0.95);
        StageRules rules = new StageRules(StageThresholds.defaults());

        // mean AOV (19 x 100 + 1000) / 20 = 145; 1000 >= 435, 100 is not
        assertThat(facts.meanAov()).isEqualByComparingTo("145");
        assertThat(rules.evaluate(bigBasket, facts, asOf).stage()).isEqualTo(LifecycleStage.HIGH_NET_WORTH);
        assertThat(rules.evaluate(profiles.getFirst(), facts, asOf).stage()).isEqualTo(LifecycleStage.REGULAR);
    }

    @Test
    void theMeanOrderValueCountsEachPurchasingCustomerOnce() {
        List<ProfileFacts> profiles = List.of(
                Profiles.customer("a").orders(1, T, T, "100").build(),
                Profiles.customer("b").orders(9, T, T, "2700").build(),
                Profiles.customer("never").registered(T).build());

        assertThat(PopulationFacts.of(profiles, 0.95).meanAov()).as("(100 + 300) / 2, not 2800 / 10").isEqualByComparingTo("200");
    }

    @Test
    void anEmptyPopulationHasNoCutAndNoMean() {
        assertThat(PopulationFacts.of(List.of(Profiles.customer().registered(T).build()), 0.95)).isEqualTo(PopulationFacts.EMPTY);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
