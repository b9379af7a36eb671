package org.openretention.segmentation.rfm;

import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.profile.Profiles;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfmScorerTest {

    static final Instant AS_OF = Instant.parse("2026-10-15T12:00:00Z");
    static final RfmScorer SCORER = new RfmScorer(ZoneOffset.UTC);

    static ProfileFacts purchaser(String id, long daysSinceLastOrder, int orders, String netSpend) {
        Instant last = AS_OF.minus(Duration.ofDays(daysSinceLastOrder));
        return Profiles.customer(id).orders(orders, last.minus(Duration.ofDays(400)), last, netSpend).build();
    }

    @Test
    void withoutTiesEachScoreHoldsAFifthOfThePurchasers() {
        List<ProfileFacts> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            // customer i: ordered i days ago, i orders, i x 100 spent
            ten.add(purchaser("c-" + i, i, i, String.valueOf(i * 100)));
        }

        Map<String, RfmScores> scores = SCORER.score(ten, AS_OF);

        assertThat(ten).extracting(p -> scores.get(p.customerId()).frequency()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(ten).extracting(p -> scores.get(p.customerId()).monetary()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(ten).extracting(p -> scores.get(p.customerId()).recency())
                .as("fewer days since the last order is better").containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    @Test
    void equalValuesGetEqualScoresTheScoreWhereTheirGroupBegins() {
        // 150 purchasers: 100 one-time buyers, then 50 with 2 to 51 orders
        List<ProfileFacts> profiles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            profiles.add(purchaser("once-" + i, 10, 1, "50"));
        }
        for (int i = 0; i < 50; i++) {
            profiles.add(purchaser("repeat-" + i, 10, 2 + i, "50"));
        }

        Map<String, RfmScores> scores = SCORER.score(profiles, AS_OF);

        assertThat(profiles.subList(0, 100)).extracting(p -> scores.get(p.customerId()).frequency()).containsOnly(1);
        // repeat-0 is rank 101 of 150: ceil(505 / 150) = 4; rank 121 is the first with ceil(605 / 150) = 5
        assertThat(scores.get("repeat-0").frequency()).isEqualTo(4);
        assertThat(scores.get("repeat-19").frequency()).isEqualTo(4);
        assertThat(scores.get("repeat-20").frequency()).isEqualTo(5);
        assertThat(profiles).extracting(p -> scores.get(p.customerId()).monetary()).as("everyone spent 50").containsOnly(1);
        assertThat(profiles).extracting(p -> scores.get(p.customerId()).recency()).containsOnly(1);
    }

    @Test
    void ordersOnTheSameCalendarDayAreEquallyRecentAndAmountsEqualInValueTie() {
        Instant morning = Instant.parse("2026-10-01T08:00:00Z");
        Instant evening = Instant.parse("2026-10-01T21:00:00Z");
        List<ProfileFacts> profiles = List.of(
                Profiles.customer("morning").orders(1, morning, morning, "10.0").build(),
                Profiles.customer("evening").orders(1, evening, evening, "10.00").build(),
                purchaser("older", 30, 1, "5"),
                purchaser("newer", 1, 1, "20"),
                purchaser("newest", 0, 1, "30"));

        Map<String, RfmScores> scores = SCORER.score(profiles, AS_OF);

        assertThat(scores.get("morning")).isEqualTo(scores.get("evening"));
        // rank 2 of 5 worst-first for both measures
        assertThat(scores.get("morning").recency()).isEqualTo(2);
        assertThat(scores.get("morning").monetary()).isEqualTo(2);
    }

    @Test
    void customersWhoNeverOrderedAreNeitherScoredNorCounted() {
        List<ProfileFacts> profiles = List.of(
                Profiles.customer("prospect").registered(AS_OF).build(),
                purchaser("a", 5, 1, "10"), purchaser("b", 5, 2, "20"), purchaser("c", 5, 3, "30"),
                purchaser("d", 5, 4, "40"), purchaser("e", 5, 5, "50"));

        Map<String, RfmScores> scores = SCORER.score(profiles, AS_OF);

        assertThat(scores).doesNotContainKey("prospect").hasSize(5);
        assertThat(scores.get("a").frequency()).as("rank 1 of 5 purchasers").isEqualTo(1);
        assertThat(scores.get("e").frequency()).isEqualTo(5);
    }

    @Test
    void theQuintileIsTheCeilingOfFiveTimesRankOverN() {
        assertThat(RfmScorer.quintile(1, 1)).as("a lone purchaser is the best of one").isEqualTo(5);
        assertThat(RfmScorer.quintile(1, 5)).isEqualTo(1);
        assertThat(RfmScorer.quintile(20, 100)).isEqualTo(1);
        assertThat(RfmScorer.quintile(21, 100)).isEqualTo(2);
        assertThat(RfmScorer.quintile(100, 100)).isEqualTo(5);
        assertThat(RfmScorer.quintile(333_334, 1_000_000)).isEqualTo(2);
        assertThatThrownBy(() -> RfmScorer.quintile(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSqlRanksWorstFirstWithIntegerArithmetic() {
        assertThat(RfmScorer.quintileOfRank("r.rank", "n.n")).isEqualTo("((5 * r.rank + n.n - 1) / n.n)");
        assertThat(RfmScorer.rankOfValues("recency_days", "DESC", "p"))
                .contains("sum(count(*)) OVER (ORDER BY recency_days DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)",
                        "AS bigint) AS rank", "GROUP BY recency_days");

        String sql = new RfmScorer(ZoneId.of("Europe/Paris")).sql("customer_profile");

        assertThat(sql).contains(
                RfmScorer.quintileOfRank("r.rank", "n.n") + " AS r_score",
                RfmScorer.quintileOfRank("f.rank", "n.n") + " AS f_score",
                RfmScorer.quintileOfRank("p.m_rank", "n.n") + " AS m_score",
                "rank() OVER (ORDER BY net_spend) AS m_rank",
                "AT TIME ZONE 'Europe/Paris'",
                "FROM customer_profile WHERE order_count > 0",
                "WHEN (r_score IN (5) AND ((f_score + m_score) / 2) IN (4, 5)) THEN 'CHAMPIONS'",
                " AS segment");
        assertThatThrownBy(() -> SCORER.sql("x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
    }
}
