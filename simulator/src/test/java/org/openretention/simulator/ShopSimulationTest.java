package org.openretention.simulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventType;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class ShopSimulationTest {

    private static Generated small;

    @BeforeAll
    static void generate() {
        small = Generated.of(11, 400, 365);
    }

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        Generated again = Generated.of(11, 400, 365);
        assertThat(again.events).hasSameSizeAs(small.events);
        assertThat(again.events).isEqualTo(small.events);

        Generated other = Generated.of(12, 400, 365);
        assertThat(other.events.subList(0, 50)).isNotEqualTo(small.events.subList(0, 50));
        assertThat(other.events.size()).isNotEqualTo(small.events.size());
    }

    @Test
    void eventsAreInEventTimeOrderInsideTheWindow() {
        Instant start = small.config.start();
        Instant end = small.config.now();
        Instant previous = Instant.MIN;
        for (EventEnvelope<?> e : small.events) {
            assertThat(e.occurredAt()).isAfterOrEqualTo(previous).isAfterOrEqualTo(start).isBefore(end);
            previous = e.occurredAt();
        }
        assertThat(small.events.size()).isGreaterThan(400 * 20);
    }

    @Test
    void everyEventRoundTripsThroughTheCodecAndItsSchema() throws Exception {
        EventCodec codec = new EventCodec();
        Set<String> kinds = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (EventEnvelope<?> e : small.events) {
            EventEnvelope<?> decoded = codec.decode(codec.encodeBytes(e));
            assertThat(decoded).isEqualTo(e);
            assertThat(ids.add(e.eventId())).as("unique event id").isTrue();
            assertThat(e.source()).isEqualTo("simulator");
            kinds.add(e.payload() instanceof InteractionRecorded ir ? ir.kind().name() : e.type());
        }
        assertThat(kinds).contains("CustomerRegistered", "CustomerUpdated", "OrderCompleted", "OrderRefunded",
                "OrderCancelled", "PRODUCT_VIEW", "CART_ADD", "CHECK_IN", "REVIEW", "LIKE", "COMMENT", "SHARE",
                "SERVICE_CONTACT");
    }

    private record OrderSeen(Instant at, BigDecimal net) {
    }

    @Test
    void eachCustomersStoryIsConsistent() {
        Map<String, Instant> registered = new HashMap<>();
        Map<String, OrderSeen> orders = new HashMap<>();
        Set<String> customersOfOrders = new HashSet<>();
        int refunds = 0;
        for (EventEnvelope<?> e : small.events) {
            String customer = e.customerId();
            assertThat(customer).matches("c-\\d{6,}");
            if (e.payload() instanceof CustomerRegistered r) {
                assertThat(registered.put(customer, e.occurredAt())).as("registered once").isNull();
                assertThat(r.registeredAt()).isEqualTo(e.occurredAt());
                continue;
            }
            assertThat(registered).as("registration comes first for " + customer).containsKey(customer);
            assertThat(e.occurredAt()).isAfterOrEqualTo(registered.get(customer));
            switch (e.payload()) {
                case OrderCompleted o -> {
                    assertThat(o.orderId()).startsWith("o-" + customer.substring(2));
                    assertThat(orders.put(o.orderId(), new OrderSeen(e.occurredAt(), o.netAmount()))).as("unique order id").isNull();
                    BigDecimal lines = o.items().stream().map(OrderItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(o.amount()).isEqualByComparingTo(lines);
                    assertThat(o.discountAmount()).isLessThan(o.amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    assertThat(o.discountAmount().signum() > 0).isEqualTo(o.couponCode() != null);
                    assertThat(o.items()).isNotEmpty();
                    customersOfOrders.add(customer);
                }
                case OrderRefunded r -> {
                    OrderSeen order = orders.get(r.orderId());
                    assertThat(order).as("refunded order exists").isNotNull();
                    assertThat(r.orderId()).startsWith("o-" + customer.substring(2));
                    assertThat(e.occurredAt()).isAfter(order.at());
                    assertThat(r.refundAmount()).isPositive().isLessThanOrEqualTo(order.net());
                    if (r.fullRefund()) {
                        assertThat(r.refundAmount()).isEqualByComparingTo(order.net());
                    } else {
                        assertThat(r.refundAmount()).isLessThan(order.net());
                    }
                    refunds++;
                }
                case OrderCancelled c -> {
                    OrderSeen order = orders.get(c.orderId());
                    assertThat(order).isNotNull();
                    assertThat(e.occurredAt()).isAfter(order.at());
                }
                case InteractionRecorded i when i.orderId() != null -> {
                    OrderSeen order = orders.get(i.orderId());
                    assertThat(order).as("interaction about a known order").isNotNull();
                    assertThat(e.occurredAt()).isAfter(order.at());
                }
                default -> {
                }
            }
        }
        assertThat(refunds).isPositive();
        assertThat(customersOfOrders.size()).isGreaterThan(200);
    }

    @Test
    void referralCodesBelongToCustomersRegisteredEarlier() {
        Map<String, String> codeOwner = new HashMap<>();
        Set<String> codes = new HashSet<>();
        int referred = 0;
        for (EventEnvelope<?> e : small.events) {
            if (e.payload() instanceof CustomerRegistered r) {
                assertThat(r.referralCode()).isNotBlank();
                assertThat(codes.add(r.referralCode())).as("referral codes are unique").isTrue();
                if (r.referredByCode() != null) {
                    referred++;
                    String referrer = codeOwner.get(r.referredByCode());
                    assertThat(referrer).as("referrer registered before " + e.customerId()).isNotNull();
                    int truthReferrer = small.simulation.truth().referredBy(CustomerIds.indexOf(e.customerId()));
                    assertThat(CustomerIds.customerId(truthReferrer)).isEqualTo(referrer);
                    assertThat(small.simulation.truth().registeredAt(truthReferrer)).isBefore(e.occurredAt());
                }
                codeOwner.put(r.referralCode(), e.customerId());
            }
        }
        assertThat(referred).isGreaterThan(10);
    }

    @Test
    void reviewsAreInTheCustomersLanguageAndMatchTheRating() {
        Map<String, String> locale = new HashMap<>();
        int zhReviews = 0;
        int enReviews = 0;
        for (EventEnvelope<?> e : small.events) {
            if (e.payload() instanceof CustomerRegistered r) {
                locale.put(e.customerId(), r.locale());
            } else if (e.payload() instanceof InteractionRecorded i && i.kind() == InteractionKind.REVIEW) {
                boolean zh = locale.get(e.customerId()).startsWith("zh");
                assertThat(i.language()).isEqualTo(zh ? "zh" : "en");
                assertThat(containsChinese(i.text())).as(i.text()).isEqualTo(zh);
                assertThat(i.rating()).isBetween(1, 5);
                assertThat(TextsTest.polarityOf(i.text())).as(i.text()).isEqualTo(TextsTest.polarityOfRating(i.rating()));
                if (zh) {
                    zhReviews++;
                } else {
                    enReviews++;
                }
            }
        }
        assertThat(zhReviews).isGreaterThan(20);
        assertThat(enReviews).isGreaterThan(2);
    }

    @Test
    void currenciesAreConsistentPerCustomer() {
        Map<String, String> currency = new HashMap<>();
        for (EventEnvelope<?> e : small.events) {
            String c = switch (e.payload()) {
                case OrderCompleted o -> o.currency();
                case OrderRefunded r -> r.currency();
                default -> null;
            };
            if (c != null) {
                String before = currency.putIfAbsent(e.customerId(), c);
                assertThat(before == null || before.equals(c)).isTrue();
                assertThat(c).isIn("CNY", "EUR", "USD");
            }
        }
        long cny = currency.values().stream().filter("CNY"::equals).count();
        assertThat(cny).isGreaterThan(currency.size() / 2);
    }

    @Test
    void liveContinuationKeepsGoingAfterTheHistory() {
        ShopSimulation sim = new ShopSimulation(SimulationConfig.of(3, 200, Generated.NOW, 60));
        long historyEvents = 0;
        while (sim.nextBefore(Generated.NOW.toEpochMilli()) != null) {
            historyEvents++;
        }
        assertThat(historyEvents).isPositive();
        Set<String> newcomers = new HashSet<>();
        Instant previous = Generated.NOW;
        for (int i = 0; i < 20_000; i++) {
            EventEnvelope<?> e = sim.next();
            if (e == null) {
                fail("the stream ended");
            }
            assertThat(e.occurredAt()).isAfterOrEqualTo(previous);
            previous = e.occurredAt();
            if (e.eventType() == EventType.CUSTOMER_REGISTERED) {
                newcomers.add(e.customerId());
            }
        }
        assertThat(newcomers).isNotEmpty().allSatisfy(id -> assertThat(CustomerIds.indexOf(id)).isGreaterThanOrEqualTo(200));
    }

    static boolean containsChinese(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
