package org.openretention.loyalty.program;

import org.junit.jupiter.api.Test;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTest {

    static final Tier MEMBER = tier("MEMBER", 0, "0", "1.0", 0);
    static final Tier SILVER = tier("SILVER", 1, "2000", "1.2", 100);
    static final Tier GOLD = tier("GOLD", 2, "10000", "1.5", 300);
    static final Tier DIAMOND = tier("DIAMOND", 3, "50000", "2.0", 800);
    static final TierPolicy TIERS = new TierPolicy(List.of(GOLD, MEMBER, DIAMOND, SILVER), 1);
    static final Instant NOW = Instant.parse("2026-10-15T12:00:00Z");

    static Tier tier(String name, int rank, String spend, String multiplier, long gift) {
        return new Tier(name, rank, new BigDecimal(spend), new BigDecimal(multiplier), BigDecimal.ZERO, rank >= 2, rank >= 3, gift);
    }

    static OrderCompleted order(String amount, String discount, OrderItem... items) {
        return new OrderCompleted("o-1", new BigDecimal(amount), "CNY", new BigDecimal(discount), null, List.of(items));
    }

    @Test
    void upgradeAsSoonAsTheThresholdIsCrossed() {
        assertThat(TIERS.upgrade(MEMBER, new BigDecimal("1999.99"))).isEmpty();
        assertThat(TIERS.upgrade(MEMBER, new BigDecimal("2000"))).contains(SILVER);
        assertThat(TIERS.upgrade(SILVER, new BigDecimal("60000"))).contains(DIAMOND);
        assertThat(TIERS.upgrade(GOLD, new BigDecimal("3000"))).as("no downgrade outside requalification").isEmpty();
    }

    @Test
    void requalificationDowngradesByAtMostOneTier() {
        assertThat(TIERS.requalify(DIAMOND, BigDecimal.ZERO)).isEqualTo(GOLD);
        assertThat(TIERS.requalify(GOLD, new BigDecimal("2500"))).isEqualTo(SILVER);
        assertThat(TIERS.requalify(GOLD, new BigDecimal("12000"))).isEqualTo(GOLD);
        assertThat(TIERS.requalify(SILVER, new BigDecimal("55000"))).isEqualTo(DIAMOND);
        assertThat(new TierPolicy(TIERS.tiers(), 3).requalify(DIAMOND, BigDecimal.ZERO)).as("grace is configurable").isEqualTo(MEMBER);
    }

    @Test
    void orderPointsAreNetSpendTimesTierMultiplierRoundedDown() {
        EarningPolicy policy = new EarningPolicy(EarningRules.defaults(), List.of());
        OrderCompleted order = order("120.50", "20.00", new OrderItem("S1", "BOOKS", 1, new BigDecimal("120.50")));

        assertThat(policy.forOrder(order, MEMBER, NOW).points()).isEqualTo(100);
        assertThat(policy.forOrder(order, SILVER, NOW).points()).isEqualTo(120);
        assertThat(policy.forOrder(order, GOLD, NOW).points()).isEqualTo(150);
    }

    @Test
    void aCategoryPromotionDoublesOnlyItsLinesInsideItsWindow() {
        Promotion themeMonth = new Promotion(UUID.randomUUID(), "2x beauty", Promotion.Kind.MULTIPLIER, new BigDecimal("2"), 0,
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), Set.of("BEAUTY"), Set.of(), Set.of(EarningTrigger.ORDER), true);
        EarningPolicy policy = new EarningPolicy(EarningRules.defaults(), List.of(themeMonth));
        OrderCompleted order = order("300", "0",
                new OrderItem("B1", "BEAUTY", 1, new BigDecimal("100")),
                new OrderItem("K1", "BOOKS", 2, new BigDecimal("100")));

        assertThat(policy.forOrder(order, MEMBER, NOW).points()).isEqualTo(400);
        assertThat(policy.forOrder(order, MEMBER, Instant.parse("2026-11-01T00:00:00Z")).points()).as("window end is exclusive").isEqualTo(300);
        assertThat(policy.forOrder(order, MEMBER, Instant.parse("2026-09-30T23:59:59Z")).points()).isEqualTo(300);
    }

    @Test
    void promotionsDoNotStackTheBestMultiplierWins() {
        Promotion x2 = new Promotion(UUID.randomUUID(), "2x", Promotion.Kind.MULTIPLIER, new BigDecimal("2"), 0, NOW.minusSeconds(60), NOW.plusSeconds(60), Set.of(), Set.of(), Set.of(), true);
        Promotion x3gold = new Promotion(UUID.randomUUID(), "3x gold", Promotion.Kind.MULTIPLIER, new BigDecimal("3"), 0, NOW.minusSeconds(60), NOW.plusSeconds(60), Set.of(), Set.of("GOLD"), Set.of(), true);
        EarningPolicy policy = new EarningPolicy(EarningRules.defaults(), List.of(x2, x3gold));
        OrderCompleted order = order("100", "0", new OrderItem("S1", "BOOKS", 1, new BigDecimal("100")));

        assertThat(policy.forOrder(order, MEMBER, NOW).points()).isEqualTo(200);
        assertThat(policy.forOrder(order, GOLD, NOW).points()).isEqualTo(450);
    }

    @Test
    void referralPromotionsBoostReferralPointsOnly() {
        Promotion doubleReferrals = new Promotion(UUID.randomUUID(), "double referrals", Promotion.Kind.MULTIPLIER, new BigDecimal("2"), 0,
                NOW.minusSeconds(60), NOW.plusSeconds(60), Set.of(), Set.of(), Set.of(EarningTrigger.REFERRAL), true);
        EarningPolicy policy = new EarningPolicy(EarningRules.defaults(), List.of(doubleReferrals));

        assertThat(policy.forTrigger(EarningTrigger.REFERRAL, 500, MEMBER, NOW).points()).isEqualTo(1000);
        assertThat(policy.forTrigger(EarningTrigger.CHECK_IN, 5, MEMBER, NOW).points()).isEqualTo(5);
        assertThat(policy.forOrder(order("100", "0"), MEMBER, NOW).points()).isEqualTo(100);
    }

    @Test
    void aBonusPromotionAddsFixedPoints() {
        Promotion bonus = new Promotion(UUID.randomUUID(), "+50 on baby", Promotion.Kind.BONUS, BigDecimal.ONE, 50,
                NOW.minusSeconds(60), NOW.plusSeconds(60), Set.of("BABY"), Set.of(), Set.of(EarningTrigger.ORDER), true);
        EarningPolicy policy = new EarningPolicy(EarningRules.defaults(), List.of(bonus));

        assertThat(policy.forOrder(order("10", "0", new OrderItem("B", "BABY", 1, BigDecimal.TEN)), MEMBER, NOW).bonusPoints()).isEqualTo(50);
        assertThat(policy.forOrder(order("10", "0", new OrderItem("K", "BOOKS", 1, BigDecimal.TEN)), MEMBER, NOW).bonusPoints()).isZero();
    }
}
