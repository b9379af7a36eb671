package org.openretention.segmentation.profile;

import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.TierChangeReason;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.segmentation.repurchase.BrowseEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactBatchTest {

    static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
    static final ReportingCurrency CNY = new ReportingCurrency("CNY", Map.of("EUR", new BigDecimal("7.80")));

    static EventEnvelope<?> event(String customer, Instant at, EventPayload payload) {
        return EventEnvelope.of(customer, at, "test", payload);
    }

    static OrderCompleted order(String id, String amount, String currency, String discount, String coupon, OrderItem... items) {
        return new OrderCompleted(id, new BigDecimal(amount), currency, new BigDecimal(discount), coupon, List.of(items));
    }

    static CustomerRegistered registered(Instant at, String locale) {
        return new CustomerRegistered(at, "a@example.com", "A", null, null, locale, "GB", null, null, Map.of());
    }

    static TierChanged tier(String to) {
        return new TierChanged(null, to, TierChangeReason.THRESHOLD_CROSSED, BigDecimal.TEN, "CNY", null);
    }

    @Test
    void productViewsAndCartAddsAreKeptOneByOneForBrowseAbandonment() {
        FactBatch batch = FactBatch.of(CNY, List.of(
                event("c", T, InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "A", "BOOKS")),
                event("c", T, InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "A", "BOOKS")),
                event("c", T.plusSeconds(60), InteractionRecorded.onProduct(InteractionKind.CART_ADD, "A", "BOOKS")),
                event("c", T.plusSeconds(90), InteractionRecorded.onProduct(InteractionKind.LIKE, "A", "BOOKS")),
                event("c", T.plusSeconds(120), InteractionRecorded.checkIn()),
                event("d", T, new InteractionRecorded(InteractionKind.PRODUCT_VIEW, null, null, null, null, null, null, null)),
                event("e", T, InteractionRecorded.onProduct(InteractionKind.CART_ADD, "B", "TOYS")),
                event("e", T.plusSeconds(5), new CustomerErased(T.plusSeconds(5)))));

        assertThat(batch.browsing()).as("two views of the same product are two rows; likes and check-ins are no browsing; "
                + "an erased customer's are dropped").containsExactly(
                new FactBatch.Browsing("c", new BrowseEvent(T, BrowseEvent.Kind.PRODUCT_VIEW, "A")),
                new FactBatch.Browsing("c", new BrowseEvent(T, BrowseEvent.Kind.PRODUCT_VIEW, "A")),
                new FactBatch.Browsing("c", new BrowseEvent(T.plusSeconds(60), BrowseEvent.Kind.CART_ADD, "A")),
                new FactBatch.Browsing("d", new BrowseEvent(T, BrowseEvent.Kind.PRODUCT_VIEW, null)));
        assertThat(batch.customers().getFirst().interactions(InteractionKind.PRODUCT_VIEW)).isEqualTo(2);
    }

    @Test
    void ordersAreConvertedIntoTheReportingCurrencyNetOfDiscountWithTheirItemsPerCategory() {
        FactBatch batch = FactBatch.of(CNY, List.of(event("c", T, order("o-1", "100.00", "EUR", "10.00", null,
                new OrderItem("S1", "BOOKS", 2, new BigDecimal("30")), new OrderItem("S2", "TOYS", 1, new BigDecimal("20")),
                new OrderItem("S3", "BOOKS", 1, new BigDecimal("20"))))));

        FactBatch.Completion completion = batch.orders().get(0).completion();
        assertThat(completion.netAmount()).isEqualTo(new BigDecimal("702.0000"));
        assertThat(completion.discounted()).isTrue();
        assertThat(completion.itemsByCategory()).containsExactly(Map.entry("BOOKS", 3), Map.entry("TOYS", 1));
        assertThat(completion.occurredAt()).isEqualTo(T);
    }

    @Test
    void aCouponAloneMakesAnOrderDiscounted() {
        FactBatch batch = FactBatch.of(CNY, List.of(event("c", T, order("o-1", "50", "CNY", "0", "WELCOME"))));
        assertThat(batch.orders().get(0).completion().discounted()).isTrue();
        FactBatch plain = FactBatch.of(CNY, List.of(event("c", T, order("o-1", "50", "CNY", "0", null))));
        assertThat(plain.orders().get(0).completion().discounted()).isFalse();
    }

    @Test
    void anAmountInACurrencyWithoutARateIsRefused() {
        assertThatThrownBy(() -> FactBatch.of(CNY, List.of(event("c", T, order("o-1", "50", "JPY", "0", null)))))
                .isInstanceOf(EventRejected.class).hasMessageContaining("JPY").hasMessageContaining("segmentation.exchange-rates.JPY");
        assertThatThrownBy(() -> FactBatch.of(CNY, List.of(event("c", T, new OrderRefunded("o-1", "r-1", BigDecimal.ONE, "USD", false, null)))))
                .isInstanceOf(EventRejected.class).hasMessageContaining("USD");
    }

    @Test
    void refundsAddUpAndAFullRefundOrCancellationSticksWhicheverComesFirst() {
        List<EventEnvelope<?>> events = List.of(
                event("c", T.plusSeconds(30), new OrderRefunded("o-1", "r-1", new BigDecimal("10"), "CNY", false, null)),
                event("c", T, order("o-1", "100", "CNY", "0", null)),
                event("c", T.plusSeconds(60), new OrderRefunded("o-1", "r-2", new BigDecimal("2"), "EUR", true, null)),
                event("c", T.plusSeconds(90), new OrderCancelled("o-2", null)));

        FactBatch batch = FactBatch.of(CNY, events);

        assertThat(batch.orders()).hasSize(2);
        FactBatch.OrderFacts o1 = batch.orders().get(0);
        assertThat(o1.orderId()).isEqualTo("o-1");
        assertThat(o1.refundedAmount()).isEqualTo(new BigDecimal("25.6000"));
        assertThat(o1.fullyRefunded()).isTrue();
        assertThat(o1.completion().netAmount()).isEqualTo(new BigDecimal("100.0000"));
        FactBatch.OrderFacts o2 = batch.orders().get(1);
        assertThat(o2.completion()).as("cancelled before its completion arrived").isNull();
        assertThat(o2.cancelled()).isTrue();
        assertThat(batch.customers()).singleElement().satisfies(c -> assertThat(c.lastEventAt()).isEqualTo(T.plusSeconds(90)));
    }

    @Test
    void theLatestLocaleAndTierByEventTimeWinWhateverTheOrderOfArrival() {
        List<EventEnvelope<?>> events = List.of(
                event("c", T, registered(T, "en-GB")),
                event("c", T.plusSeconds(100), new CustomerUpdated(null, null, null, null, "fr-FR", null, null)),
                event("c", T.plusSeconds(50), new CustomerUpdated(null, null, null, null, "de-DE", null, null)),
                event("c", T.plusSeconds(200), new CustomerUpdated("new@example.com", null, null, null, null, null, null)),
                event("c", T.plusSeconds(10), tier("GOLD")),
                event("c", T.plusSeconds(5), tier("SILVER")),
                event("c", T.plusSeconds(10), tier("BRONZE")));
        for (int seed = 0; seed < 20; seed++) {
            List<EventEnvelope<?>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            FactBatch.CustomerFacts c = FactBatch.of(CNY, shuffled).customers().get(0);
            assertThat(c.locale()).isEqualTo("fr-FR");
            assertThat(c.localeAt()).isEqualTo(T.plusSeconds(100));
            assertThat(c.tier()).as("same event time: the greater name, as the store decides too").isEqualTo("GOLD");
            assertThat(c.registeredAt()).isEqualTo(T);
            assertThat(c.lastEventAt()).isEqualTo(T.plusSeconds(200));
        }
    }

    @Test
    void interactionsAreCountedByKindWithTheLatestViewAndCartAdd() {
        FactBatch batch = FactBatch.of(CNY, List.of(
                event("c", T.plusSeconds(20), InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "S1", "BOOKS")),
                event("c", T, InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "S2", "BOOKS")),
                event("c", T.plusSeconds(5), InteractionRecorded.onProduct(InteractionKind.CART_ADD, "S1", "BOOKS")),
                event("c", T, InteractionRecorded.checkIn()),
                event("c", T, InteractionRecorded.onProduct(InteractionKind.LIKE, "S1", "BOOKS"))));

        FactBatch.CustomerFacts c = batch.customers().get(0);
        assertThat(c.interactions(InteractionKind.PRODUCT_VIEW)).isEqualTo(2);
        assertThat(c.interactions(InteractionKind.CART_ADD)).isEqualTo(1);
        assertThat(c.interactions(InteractionKind.CHECK_IN)).isEqualTo(1);
        assertThat(c.interactions(InteractionKind.LIKE)).isEqualTo(1);
        assertThat(c.interactions(InteractionKind.SHARE)).isZero();
        assertThat(c.lastProductViewAt()).isEqualTo(T.plusSeconds(20));
        assertThat(c.lastCartAddAt()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void anErasedCustomerKeepsNothingOfTheBatchWhereverTheErasureStands() {
        FactBatch batch = FactBatch.of(CNY, List.of(
                event("gone", T, registered(T, "en-GB")),
                event("gone", T.plusSeconds(10), new CustomerErased(T.plusSeconds(10))),
                event("gone", T.plusSeconds(20), order("o-1", "10", "CNY", "0", null)),
                event("stays", T, order("o-2", "10", "CNY", "0", null))));

        assertThat(batch.erased()).containsOnlyKeys("gone");
        assertThat(batch.customers()).extracting(FactBatch.CustomerFacts::customerId).containsExactly("stays");
        assertThat(batch.orders()).extracting(FactBatch.OrderFacts::orderId).containsExactly("o-2");
        assertThat(batch.customerIds()).containsExactly("gone", "stays");
    }

    @Test
    void loyaltyEventsOtherThanTierChangesAreLeftOut() {
        FactBatch batch = FactBatch.of(CNY, List.of(event("c", T, new PointsEarned(java.util.UUID.randomUUID(), null, 10, "order", "o-1", T, T.plusSeconds(86_400), "o-1"))));
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void theEarliestCompletionOfAnOrderSentTwiceIsKept() {
        FactBatch batch = FactBatch.of(CNY, List.of(
                event("c", T.plusSeconds(60), order("o-1", "90", "CNY", "0", null)),
                event("c", T, order("o-1", "100", "CNY", "0", null))));
        assertThat(batch.orders().get(0).completion().netAmount()).isEqualTo(new BigDecimal("100.0000"));
    }
}
