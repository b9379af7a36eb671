package org.openretention.loyalty.member;

import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.program.EarningPolicy;
import org.openretention.loyalty.program.EarningRules;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.program.TierPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberSessionTest {

    static final Tier MEMBER = new Tier("MEMBER", 0, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, false, false, 50);
    static final Tier SILVER = new Tier("SILVER", 1, new BigDecimal("2000"), new BigDecimal("1.2"), BigDecimal.ZERO, false, false, 200);
    static final Tier GOLD = new Tier("GOLD", 2, new BigDecimal("10000"), new BigDecimal("1.5"), BigDecimal.ZERO, true, false, 500);
    static final Tier DIAMOND = new Tier("DIAMOND", 3, new BigDecimal("50000"), new BigDecimal("2.0"), BigDecimal.ZERO, true, true, 1500);
    static final Programme PROGRAMME = new Programme(new TierPolicy(List.of(MEMBER, SILVER, GOLD, DIAMOND), 1),
            new EarningPolicy(EarningRules.defaults(), List.of()), Duration.ofDays(7), 12, ZoneOffset.UTC, "CNY",
            Map.of("EUR", new BigDecimal("7.8")), Duration.ofDays(30), "loyalty-service");
    static final Instant T0 = Instant.parse("2025-01-15T10:00:00Z");

    private final MemberSession session = MemberSession.enrol("c-1", T0, PROGRAMME, "enrol");

    private void apply(Instant at, EventPayload payload) {
        session.apply(EventEnvelope.of("c-1", at, "test", payload));
    }

    private static OrderCompleted order(String id, String amount) {
        return new OrderCompleted(id, new BigDecimal(amount), "CNY", BigDecimal.ZERO, null,
                List.of(new OrderItem("S", "BOOKS", 1, new BigDecimal(amount))));
    }

    private List<TierChanged> tierChanges() {
        return session.outbox().stream().map(EventEnvelope::payload).filter(TierChanged.class::isInstance).map(TierChanged.class::cast).toList();
    }

    @Test
    void reviewsAndSharesEarnUpToTheirDailyCaps() {
        for (int i = 0; i < 7; i++) {
            apply(T0.plusSeconds(60L * i), InteractionRecorded.review("S", "BOOKS", 5, "great", "en", null));
            apply(T0.plusSeconds(60L * i + 30), new InteractionRecorded(InteractionKind.SHARE, "S", "BOOKS", null, null, null, null, null));
        }
        apply(T0.plus(Duration.ofDays(1)), new InteractionRecorded(InteractionKind.SHARE, "S", "BOOKS", null, null, null, null, null));

        assertThat(session.account().available(T0.plus(Duration.ofDays(1)))).isEqualTo(5 * 20 + 3 * 10 + 10);
    }

    @Test
    void theWelcomeBonusComesWithTheFirstOrderOnly() {
        apply(T0, order("o-1", "100"));
        apply(T0.plusSeconds(3600), order("o-2", "100"));
        apply(T0.plusSeconds(7200), order("o-1", "100"));

        assertThat(session.account().pending(T0.plusSeconds(7200))).as("the repeated order o-1 earns nothing").isEqualTo(300);
    }

    @Test
    void aRefundOfAnUnknownOrderIsRejected() {
        assertThatThrownBy(() -> apply(T0, new OrderRefunded("o-x", "r", BigDecimal.TEN, "CNY", false, null)))
                .isInstanceOf(EventRejected.class).hasMessageContaining("o-x");
    }

    @Test
    void aPartialRefundClawsBackTheOrdersShareAndTheWelcomeBonusOnlyOnceTheOrderIsFullyRefunded() {
        // 250 with 50 discount: 200 paid, 200 points for the order and the 100-point welcome bonus of a first order
        apply(T0, new OrderCompleted("o-1", new BigDecimal("250"), "CNY", new BigDecimal("50"), null,
                List.of(new OrderItem("S", "BOOKS", 1, new BigDecimal("250")))));
        Instant afterWindow = T0.plus(Duration.ofDays(10));
        assertThat(session.account().available(afterWindow)).isEqualTo(300);

        apply(afterWindow, new OrderRefunded("o-1", "r-1", new BigDecimal("100"), "CNY", false, "damaged"));

        // 100 of the 200 paid back takes half of the order's 200 points, and nothing of the welcome bonus
        assertThat(session.account().available(afterWindow)).isEqualTo(200);
        assertThat(session.member().lifetimePoints()).isEqualTo(200);
        assertThat(session.orders().get("o-1").pointsClawed()).isEqualTo(100);
        assertThat(session.account().lots()).filteredOn(l -> l.reason().equals("WELCOME_BONUS")).singleElement()
                .extracting(org.openretention.loyalty.ledger.PointsLot::remaining).isEqualTo(100L);

        Instant later = afterWindow.plus(Duration.ofDays(1));
        apply(later, new OrderRefunded("o-1", "r-2", new BigDecimal("100"), "CNY", false, "damaged"));

        // the rest of the money back: the order is fully refunded, and the welcome bonus goes with the rest of its points
        assertThat(session.account().available(later)).isZero();
        assertThat(session.member().lifetimePoints()).isZero();
        assertThat(session.orders().get("o-1").status()).isEqualTo(OrderRecord.Status.REFUNDED);
    }

    @Test
    void aFullRefundAtOnceClawsBackTheWelcomeBonusToo() {
        apply(T0, new OrderCompleted("o-1", new BigDecimal("250"), "CNY", new BigDecimal("50"), null,
                List.of(new OrderItem("S", "BOOKS", 1, new BigDecimal("250")))));

        apply(T0.plus(Duration.ofDays(2)), new OrderRefunded("o-1", "r-1", new BigDecimal("200"), "CNY", true, null));

        assertThat(session.account().pending(T0.plus(Duration.ofDays(2)))).isZero();
        assertThat(session.member().lifetimePoints()).isZero();
    }

    @Test
    void spendInAnotherCurrencyCountsAtItsExchangeRateForTiers() {
        apply(T0, new OrderCompleted("o-eur", new BigDecimal("300"), "EUR", BigDecimal.ZERO, null, List.of()));

        assertThat(session.member().tier()).isEqualTo("SILVER");
        assertThat(session.qualifyingSpend(T0)).isEqualByComparingTo("2340");
    }

    @Test
    void aMemberFallsOneTierAtATimeAndOnlyOnTheAnniversary() {
        apply(T0.plus(Duration.ofDays(10)), order("o-big", "60000"));
        assertThat(session.member().tier()).isEqualTo("DIAMOND");

        session.advanceTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(session.member().tier()).as("no downgrade before the requalification date").isEqualTo("DIAMOND");

        session.advanceTo(Instant.parse("2026-01-15T11:00:00Z"));
        assertThat(session.member().tier()).as("the big order was within the 12 months before the anniversary").isEqualTo("DIAMOND");

        session.advanceTo(Instant.parse("2027-01-16T00:00:00Z"));
        assertThat(session.member().tier()).as("a year without spend: down one tier only").isEqualTo("GOLD");
        session.advanceTo(Instant.parse("2028-01-16T00:00:00Z"));
        assertThat(session.member().tier()).isEqualTo("SILVER");

        assertThat(tierChanges()).extracting(TierChanged::toTier).containsExactly("MEMBER", "DIAMOND", "GOLD", "SILVER");
        assertThat(tierChanges().get(2).reason()).isEqualTo(org.openretention.events.loyalty.TierChangeReason.REQUALIFICATION);
    }

    @Test
    void aRefundedQualifyingOrderDoesNotConvertAReferral() {
        apply(T0, new org.openretention.events.customers.CustomerRegistered(T0, null, null, null, null, null, null, null, "FRIEND1", Map.of()));
        apply(T0.plusSeconds(60), order("o-1", "100"));
        assertThat(session.referral()).get().extracting(Referral::qualifyingOrderId).isEqualTo("o-1");

        apply(T0.plus(Duration.ofDays(2)), new OrderRefunded("o-1", "r-1", new BigDecimal("100"), "CNY", true, null));
        assertThat(session.referral()).get().extracting(Referral::qualifyingOrderId).isNull();

        apply(T0.plus(Duration.ofDays(3)), order("o-2", "80"));
        assertThat(session.referral()).get().satisfies(r -> {
            assertThat(r.qualifyingOrderId()).isEqualTo("o-2");
            assertThat(r.convertsAt()).isEqualTo(T0.plus(Duration.ofDays(10)));
        });
    }
}
