package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.EventType;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.PointsSource;
import org.openretention.events.loyalty.TierChangeReason;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.segmentation.profile.CustomerProfile;
import org.openretention.segmentation.profile.RepeatPurchaseIntervals;
import org.openretention.segmentation.profile.ReportingCurrency;
import org.openretention.segmentation.profile.RollingWindows;
import org.openretention.segmentation.service.ProfileIntake;
import org.openretention.segmentation.service.ProfileQueries;
import org.openretention.testkit.PlatformTestResources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two years of history for a small population, processed through the real intake path in three interleavings: in
 * time order; shuffled completely (refunds before their orders, a customer's events in any order, in other batch
 * sizes); and topic by topic, the slowest topic's consumer catching up last with its events reversed. The first
 * stream is then delivered once more. Every profile must be the same in all three, and the one computed here from the
 * plan, independently of the store's SQL.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ProfileReplayTest {

    private static final int CUSTOMERS = 40;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> CATEGORIES = List.of("BOOKS", "BEAUTY", "TOYS", "PET_FOOD");

    @Inject
    EventIntake intake;
    @Inject
    ProfileIntake profiles;
    @Inject
    ProfileQueries queries;
    @Inject
    EventCodec codec;
    @Inject
    ReportingCurrency currency;

    private record Plan(int customer, Instant at, EventPayload payload) {
    }

    @Test
    void theSameHistoryGivesTheSameProfilesWhateverTheOrderOfArrival() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Plan> history = history(new Random(5));
        assertThat(history.size()).isGreaterThan(500);

        List<EventEnvelope<?>> inOrder = envelopes("pa" + run, history);
        List<EventEnvelope<?>> shuffled = envelopes("pb" + run, history);
        Collections.shuffle(shuffled, new Random(13));
        List<EventEnvelope<?>> topicByTopic = topicByTopic(envelopes("pc" + run, history));

        feed(inOrder, 50);
        feed(shuffled, 17);
        feed(topicByTopic, 31);
        feed(inOrder, 23); // a redelivery: nothing may change

        int erased = 0;
        int refunded = 0;
        List<CustomerProfile> kept = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = id("pa" + run, i);
            Optional<CustomerProfile> expected = expected(i, history, customer);
            Optional<CustomerProfile> a = queries.stored(customer);
            assertThat(a).as("customer %d in time order", i).isEqualTo(expected);
            assertThat(queries.stored(id("pb" + run, i)).map(p -> renamed(p, customer))).as("customer %d shuffled", i).isEqualTo(a);
            assertThat(queries.stored(id("pc" + run, i)).map(p -> renamed(p, customer))).as("customer %d topic by topic", i).isEqualTo(a);
            erased += a.isEmpty() ? 1 : 0;
            a.ifPresent(kept::add);
        }
        // the history reaches every rule it is meant to check
        assertThat(kept).as("a tie of locales").anyMatch(p -> "es-ES".equals(p.locale()));
        assertThat(kept).as("a tie of tiers").anyMatch(p -> "PLATINUM".equals(p.loyaltyTier()));
        assertThat(kept).as("first seen through an order").anyMatch(p -> p.registeredAt() == null && p.orderCount() > 0);
        assertThat(kept).as("orders beyond 12 months").anyMatch(p -> p.spend12m().compareTo(p.netSpend()) < 0);
        assertThat(kept).as("orders beyond 90 days").anyMatch(p -> p.ordersLast90d() > 0 && p.ordersLast90d() < p.orderCount());
        assertThat(kept).as("several repeat intervals").anyMatch(p -> p.repeatIntervals().count() >= 4);
        assertThat(kept).as("an open product view").anyMatch(p -> p.openProductViewAt() != null);
        assertThat(kept).as("a cart add followed by an order").anyMatch(p -> p.interactions().cartAdds() > 0 && p.openCartAddAt() == null);
        assertThat(kept).as("discounts").anyMatch(p -> p.discountedOrderShare().signum() > 0 && p.discountedOrderShare().compareTo(BigDecimal.ONE) < 0);
        for (Plan p : history) {
            refunded += p.payload() instanceof OrderRefunded || p.payload() instanceof OrderCancelled ? 1 : 0;
        }
        assertThat(erased).as("the history erases some customers").isBetween(2, CUSTOMERS / 4);
        assertThat(refunded).as("the history refunds and cancels orders").isGreaterThan(20);
    }

    private void feed(List<EventEnvelope<?>> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (EventEnvelope<?> e : events.subList(from, Math.min(events.size(), from + batchSize))) {
                batch.add(new ConsumerRecord<>(e.eventType().topic(), 0, from, e.customerId(), codec.encodeBytes(e)));
            }
            intake.accept("profile-replay-test", batch, profiles);
        }
    }

    private static String id(String prefix, int customer) {
        return prefix + "-c" + customer;
    }

    private static CustomerProfile renamed(CustomerProfile p, String customerId) {
        return new CustomerProfile(customerId, p.registeredAt(), p.locale(), p.loyaltyTier(), p.lastEventAt(), p.firstOrderAt(),
                p.lastOrderAt(), p.orderCount(), p.netSpend(), p.spend12m(), p.ordersLast90d(), p.averageOrderValue(),
                p.discountedOrderShare(), p.repeatIntervals(), p.items(), p.topCategories(), p.openProductViewAt(), p.openCartAddAt(),
                p.interactions());
    }

    /** The same planned history as envelopes for customers with {@code prefix}; event ids derive from the plan. */
    private static List<EventEnvelope<?>> envelopes(String prefix, List<Plan> plan) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int n = 0; n < plan.size(); n++) {
            Plan p = plan.get(n);
            EventType type = EventType.of(p.payload());
            UUID eventId = UUID.nameUUIDFromBytes((prefix + "|" + n).getBytes(StandardCharsets.UTF_8));
            events.add(new EventEnvelope<>(eventId, type.typeName(), 1, p.at(), id(prefix, p.customer()), "test", p.payload()));
        }
        return events;
    }

    /** Each topic in turn, the loyalty programme's first and the shop's customers last, the orders newest first. */
    private static List<EventEnvelope<?>> topicByTopic(List<EventEnvelope<?>> events) {
        List<EventEnvelope<?>> result = new ArrayList<>();
        for (String topic : List.of(Topics.LOYALTY_EVENTS, Topics.INTERACTIONS, Topics.ORDERS, Topics.CUSTOMERS)) {
            List<EventEnvelope<?>> ofTopic = new ArrayList<>(events.stream().filter(e -> e.eventType().topic().equals(topic)).toList());
            if (topic.equals(Topics.ORDERS)) {
                Collections.reverse(ofTopic);
            }
            result.addAll(ofTopic);
        }
        return result;
    }

    private static List<Plan> history(Random random) {
        List<Plan> plan = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            Instant t = START.plus(Duration.ofHours(random.nextInt(24 * 200)));
            if (c % 7 != 0) { // the others are first seen through an order
                plan.add(new Plan(c, t, new CustomerRegistered(t, null, null, null, null, random.nextBoolean() ? "en-GB" : "zh-CN",
                        null, null, null, Map.of())));
            }
            if (c % 5 == 1) {
                Instant changed = t.plus(Duration.ofDays(random.nextInt(300)));
                plan.add(new Plan(c, changed, new CustomerUpdated(null, null, null, null, "fr-FR", null, null)));
                // two changes at the same instant: the greater value wins, though in time order the other one arrives last
                plan.add(new Plan(c, changed.plusSeconds(60), new CustomerUpdated(null, null, null, null, "es-ES", null, null)));
                plan.add(new Plan(c, changed.plusSeconds(60), new CustomerUpdated(null, null, null, null, "de-DE", null, null)));
            }
            int orders = random.nextInt(11);
            for (int o = 0; o < orders; o++) {
                // mostly weeks apart (months for every third customer, whose orders span more than a year), sometimes the same day
                int maxGapDays = c % 3 == 0 ? 150 : 70;
                t = t.plus(random.nextInt(4) == 0 ? Duration.ofHours(1 + random.nextInt(5)) : Duration.ofHours(24 + random.nextInt(24 * maxGapDays)));
                String orderId = "o-" + c + "-" + o;
                BigDecimal amount = BigDecimal.valueOf(20 + random.nextInt(900)).add(new BigDecimal("0.45"));
                BigDecimal discount = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(15)) : BigDecimal.ZERO;
                String coupon = random.nextInt(6) == 0 ? "C" + o : null;
                List<OrderItem> items = new ArrayList<>();
                for (int line = 0; line < 1 + random.nextInt(3); line++) {
                    items.add(new OrderItem("S" + line, CATEGORIES.get(random.nextInt(CATEGORIES.size())), 1 + random.nextInt(3), BigDecimal.TEN));
                }
                String orderCurrency = random.nextInt(5) == 0 ? "EUR" : "CNY";
                plan.add(new Plan(c, t, new OrderCompleted(orderId, amount, orderCurrency, discount, coupon, items)));
                BigDecimal net = amount.subtract(discount);
                switch (random.nextInt(12)) {
                    case 0 -> plan.add(new Plan(c, t.plus(Duration.ofDays(2)), new OrderRefunded(orderId, "rf-" + orderId, net, orderCurrency, true, null)));
                    case 1 -> plan.add(new Plan(c, t.plus(Duration.ofDays(9)), new OrderRefunded(orderId, "rf-" + orderId,
                            net.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN), orderCurrency, false, "damaged")));
                    case 2 -> plan.add(new Plan(c, t.plus(Duration.ofHours(3)), new OrderCancelled(orderId, null)));
                    case 3 -> { // two partial refunds that together return everything, neither flagged full
                        BigDecimal half = net.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                        plan.add(new Plan(c, t.plus(Duration.ofDays(1)), new OrderRefunded(orderId, "rf1-" + orderId, half, orderCurrency, false, null)));
                        plan.add(new Plan(c, t.plus(Duration.ofDays(4)), new OrderRefunded(orderId, "rf2-" + orderId, net.subtract(half), orderCurrency, false, null)));
                    }
                    default -> {
                    }
                }
                for (int k = 0; k < random.nextInt(5); k++) {
                    InteractionKind kind = InteractionKind.values()[random.nextInt(InteractionKind.values().length)];
                    plan.add(new Plan(c, t.plus(Duration.ofHours(random.nextInt(24 * 20) - 24 * 10)), interaction(kind, orderId)));
                }
                if (random.nextInt(4) == 0) {
                    plan.add(new Plan(c, t.plusSeconds(1), new PointsEarned(UUID.randomUUID(), PointsSource.EARN, 10, "order", orderId,
                            t, t.plus(Duration.ofDays(365)), orderId)));
                }
            }
            if (random.nextBoolean()) {
                Instant browsing = t.plus(Duration.ofHours(1 + random.nextInt(48)));
                plan.add(new Plan(c, browsing, interaction(InteractionKind.PRODUCT_VIEW, null)));
                plan.add(new Plan(c, browsing.plusSeconds(30), interaction(InteractionKind.CART_ADD, null)));
            }
            if (c % 4 == 2) {
                Instant up = t.minus(Duration.ofDays(random.nextInt(30)));
                plan.add(new Plan(c, up, tier("SILVER")));
                // a tie: the greater name wins, though in time order the other one arrives last
                plan.add(new Plan(c, up.plus(Duration.ofDays(40)), tier("PLATINUM")));
                plan.add(new Plan(c, up.plus(Duration.ofDays(40)), tier("GOLD")));
            }
            if (c % 10 == 3) {
                Instant erasure = t.plus(Duration.ofDays(3));
                plan.add(new Plan(c, erasure, new CustomerErased(erasure)));
                plan.add(new Plan(c, erasure.plus(Duration.ofDays(1)), new OrderCompleted("late-" + c, BigDecimal.TEN, "CNY", BigDecimal.ZERO,
                        null, List.of(new OrderItem("S", "BOOKS", 1, BigDecimal.TEN)))));
            }
        }
        plan.sort(Comparator.comparing(Plan::at));
        return plan;
    }

    private static InteractionRecorded interaction(InteractionKind kind, String orderId) {
        return switch (kind) {
            case REVIEW -> InteractionRecorded.review("S1", "BOOKS", 4, "fine", "en", orderId);
            case COMMENT -> InteractionRecorded.comment("S1", "BOOKS", "nice", "en");
            case SERVICE_CONTACT -> InteractionRecorded.serviceContact(org.openretention.events.interactions.ServiceTouchpoint.SUPPORT, orderId, null, null);
            case CHECK_IN -> InteractionRecorded.checkIn();
            default -> InteractionRecorded.onProduct(kind, "S1", "BOOKS");
        };
    }

    private static TierChanged tier(String to) {
        return new TierChanged(null, to, TierChangeReason.THRESHOLD_CROSSED, BigDecimal.TEN, "CNY", null);
    }

    /** An order of the plan with what became of it. */
    private static final class PlannedOrder {
        Instant at;
        BigDecimal net;
        boolean discounted;
        Map<String, Integer> items = new TreeMap<>();
        BigDecimal refunded = BigDecimal.ZERO;
        boolean full;
        boolean cancelled;

        boolean counts() {
            return !cancelled && !full && !(refunded.signum() > 0 && refunded.compareTo(net) >= 0);
        }
    }

    /**
     * The profile the rules of docs/segmentation-rules.md give for customer {@code c} of the plan, computed here in
     * plain Java: empty for an erased customer, and for one with no event a profile keeps.
     */
    private Optional<CustomerProfile> expected(int c, List<Plan> plan, String customerId) {
        List<Plan> mine = plan.stream().filter(p -> p.customer() == c).toList();
        if (mine.stream().anyMatch(p -> p.payload() instanceof CustomerErased)) {
            return Optional.empty();
        }
        Instant registeredAt = null;
        Instant lastEventAt = null;
        String locale = null;
        Instant localeAt = null;
        String tier = null;
        Instant tierAt = null;
        Map<InteractionKind, Integer> interactions = new HashMap<>();
        Instant lastView = null;
        Instant lastCartAdd = null;
        Map<String, PlannedOrder> orders = new LinkedHashMap<>();
        for (Plan p : mine) {
            if (!(p.payload() instanceof PointsEarned)) {
                lastEventAt = lastEventAt == null || p.at().isAfter(lastEventAt) ? p.at() : lastEventAt;
            }
            switch (p.payload()) {
                case CustomerRegistered r -> {
                    registeredAt = r.registeredAt();
                    if (localeAt == null || !p.at().isBefore(localeAt)) {
                        locale = r.locale();
                        localeAt = p.at();
                    }
                }
                case CustomerUpdated u -> {
                    if (localeAt == null || p.at().isAfter(localeAt) || (p.at().equals(localeAt) && u.locale().compareTo(locale) > 0)) {
                        locale = u.locale();
                        localeAt = p.at();
                    }
                }
                case TierChanged t -> {
                    if (tierAt == null || p.at().isAfter(tierAt) || (p.at().equals(tierAt) && t.toTier().compareTo(tier) > 0)) {
                        tier = t.toTier();
                        tierAt = p.at();
                    }
                }
                case InteractionRecorded i -> {
                    interactions.merge(i.kind(), 1, Integer::sum);
                    if (i.kind() == InteractionKind.PRODUCT_VIEW && (lastView == null || p.at().isAfter(lastView))) {
                        lastView = p.at();
                    }
                    if (i.kind() == InteractionKind.CART_ADD && (lastCartAdd == null || p.at().isAfter(lastCartAdd))) {
                        lastCartAdd = p.at();
                    }
                }
                case OrderCompleted o -> {
                    PlannedOrder order = orders.computeIfAbsent(o.orderId(), k -> new PlannedOrder());
                    order.at = p.at();
                    order.net = currency.convert(o.netAmount(), o.currency());
                    order.discounted = o.discountAmount().signum() > 0 || o.couponCode() != null;
                    o.items().forEach(item -> order.items.merge(item.category(), item.quantity(), Integer::sum));
                }
                case OrderRefunded r -> {
                    PlannedOrder order = orders.computeIfAbsent(r.orderId(), k -> new PlannedOrder());
                    order.refunded = order.refunded.add(currency.convert(r.refundAmount(), r.currency()));
                    order.full |= r.fullRefund();
                }
                case OrderCancelled x -> orders.computeIfAbsent(x.orderId(), k -> new PlannedOrder()).cancelled = true;
                default -> {
                }
            }
        }
        if (lastEventAt == null) {
            return Optional.empty(); // nothing of the customer was ever kept
        }
        List<PlannedOrder> counted = orders.values().stream().filter(o -> o.at != null && o.counts()).toList();
        Instant lastPlaced = orders.values().stream().map(o -> o.at).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        BigDecimal netSpend = scale(counted.stream().map(o -> o.net.subtract(o.refunded)).reduce(BigDecimal.ZERO, BigDecimal::add));
        Instant asOf = lastEventAt;
        BigDecimal spend12m = scale(counted.stream().filter(o -> RollingWindows.inLast12Months(o.at, asOf, ZoneOffset.UTC))
                .map(o -> o.net.subtract(o.refunded)).reduce(BigDecimal.ZERO, BigDecimal::add));
        int orders90d = (int) counted.stream().filter(o -> RollingWindows.inLast90Days(o.at, asOf, ZoneOffset.UTC)).count();
        int n = counted.size();
        long discounted = counted.stream().filter(o -> o.discounted).count();
        Map<String, Integer> items = new TreeMap<>();
        counted.forEach(o -> o.items.forEach((k, v) -> items.merge(k, v, Integer::sum)));
        List<CustomerProfile.CategoryItems> top = items.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> new CustomerProfile.CategoryItems(e.getKey(), e.getValue())).toList();
        List<LocalDate> days = counted.stream().map(o -> LocalDate.ofInstant(o.at, ZoneOffset.UTC)).toList();
        Instant placed = lastPlaced;
        Instant openView = lastView != null && (placed == null || lastView.isAfter(placed)) ? lastView : null;
        Instant openCartAdd = lastCartAdd != null && (placed == null || lastCartAdd.isAfter(placed)) ? lastCartAdd : null;
        return Optional.of(new CustomerProfile(customerId, registeredAt, locale, tier, lastEventAt,
                counted.stream().map(o -> o.at).min(Comparator.naturalOrder()).orElse(null),
                counted.stream().map(o -> o.at).max(Comparator.naturalOrder()).orElse(null),
                n, netSpend, spend12m, orders90d,
                n == 0 ? scale(BigDecimal.ZERO) : netSpend.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP),
                n == 0 ? scale(BigDecimal.ZERO) : BigDecimal.valueOf(discounted).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP),
                RepeatPurchaseIntervals.between(days), items.values().stream().mapToInt(Integer::intValue).sum(), top, openView, openCartAdd,
                new CustomerProfile.InteractionCounts(count(interactions, InteractionKind.PRODUCT_VIEW), count(interactions, InteractionKind.CART_ADD),
                        count(interactions, InteractionKind.CHECK_IN), count(interactions, InteractionKind.REVIEW),
                        count(interactions, InteractionKind.LIKE), count(interactions, InteractionKind.COMMENT),
                        count(interactions, InteractionKind.SHARE), count(interactions, InteractionKind.SERVICE_CONTACT))));
    }

    private static int count(Map<InteractionKind, Integer> interactions, InteractionKind kind) {
        return interactions.getOrDefault(kind, 0);
    }

    private static BigDecimal scale(BigDecimal amount) {
        return amount.setScale(ReportingCurrency.SCALE, RoundingMode.UNNECESSARY);
    }
}
