package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.segments.BrowseAbandoned;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.segmentation.repurchase.AbandonedSession;
import org.openretention.segmentation.repurchase.BrowseAbandonment;
import org.openretention.segmentation.repurchase.BrowseEvent;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A week of views, cart adds and orders of a small population, taken in three ways: shuffled before any evaluation;
 * day by day, each day's events shuffled and taken in just before the evaluation as of that day; and in time order
 * after those evaluations. After a final evaluation each copy has published exactly the abandoned sessions that
 * {@link BrowseAbandonment} finds in plain Java in the whole history, once each: the sessions do not depend on the
 * order of arrival, the batches, nor on the evaluations run in between and the rows they deleted.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class BrowseAbandonmentReplayTest {

    private static final int CUSTOMERS = 15;
    /** Before EvaluationTest's instants and apart from BrowseAbandonmentEvaluationTest's. */
    private static final Instant START = Instant.parse("2029-06-01T00:00:00Z");
    private static final Instant FINAL = START.plus(Duration.ofDays(8));
    private static final List<String> SKUS = List.of("tea-a", "tea-b", "cup-c", "pot-d", "tea-e");
    private static KafkaTestClient kafka;

    @Inject
    EventIntake intake;
    @Inject
    ProfileIntake profiles;
    @Inject
    Evaluation evaluation;
    @Inject
    EventCodec codec;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private record Plan(int customer, Instant at, EventPayload payload) {
    }

    @Test
    void theSameBrowsingGivesTheSameAbandonedSessionsWhateverTheOrderOfArrivalAndTheEvaluationsBetween() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Plan> history = history(new Random(21));
        List<EventEnvelope<?>> inOrder = envelopes("ba" + run, history);
        List<EventEnvelope<?>> shuffled = envelopes("bb" + run, history);
        Collections.shuffle(shuffled, new Random(3));
        List<EventEnvelope<?>> daily = envelopes("bc" + run, history);
        Collections.shuffle(daily, new Random(4));

        feed(shuffled, 7);
        Set<UUID> fed = new HashSet<>();
        for (int day = 1; day <= 7; day++) {
            Instant asOf = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(7));
            List<EventEnvelope<?>> upToNow = daily.stream().filter(e -> !e.occurredAt().isAfter(asOf) && !fed.contains(e.eventId())).toList();
            feed(upToNow, 11);
            upToNow.forEach(e -> fed.add(e.eventId()));
            assertThat(evaluation.runAsOf(asOf)).isPresent();
        }
        feed(daily.stream().filter(e -> !fed.contains(e.eventId())).toList(), 11);
        feed(inOrder, 50);
        assertThat(evaluation.runAsOf(FINAL)).isPresent();
        feed(inOrder, 13); // a redelivery: nothing may change
        assertThat(evaluation.runAsOf(FINAL)).isPresent();

        Map<String, List<BrowseAbandoned>> published = published("b[abc]" + run + "-c[0-9]+");
        BrowseAbandonment rule = BrowseAbandonment.defaults();
        int abandoned = 0;
        int sessions = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            List<BrowseEvent> browsing = browsing(history, i);
            List<BrowseAbandoned> expected = rule.abandoned(browsing, orders(history, i), FINAL).stream()
                    .map(BrowseAbandonmentReplayTest::event).toList();
            for (String copy : List.of("ba", "bb", "bc")) {
                assertThat(published.getOrDefault(copy + run + "-c" + i, List.of())).as("customer %d, copy %s", i, copy)
                        .containsExactlyElementsOf(expected);
            }
            abandoned += expected.size();
            sessions += rule.abandoned(browsing, List.of(), FINAL).size();
        }
        // the history reaches the rules it is meant to check
        assertThat(abandoned).as("abandoned sessions").isGreaterThan(20);
        assertThat(sessions - abandoned).as("converted sessions").isGreaterThan(3);
        assertThat(history).as("events at the same instant").anyMatch(p -> history.stream().filter(q -> q.customer() == p.customer()
                && q.at().equals(p.at()) && q.payload() instanceof InteractionRecorded).count() > 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM browse_activity WHERE customer_id LIKE 'b_" + run + "-%'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the rows of decided sessions are deleted").isZero();
        }
    }

    private static BrowseAbandoned event(AbandonedSession s) {
        return new BrowseAbandoned(s.startedAt(), s.lastEventAt(), s.products(), s.cartAdds(), s.productViews());
    }

    /**
     * Per customer, 3 to 7 visits over six days, each of 1 to 8 views and cart adds; the gap to the next event is 0
     * (the same instant), under 30 minutes, exactly 30 minutes or more, so visits split too. Orders at random, some
     * cancelled later (a placed order converts all the same).
     */
    private static List<Plan> history(Random random) {
        List<Plan> plans = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            int visits = 3 + random.nextInt(5);
            for (int v = 0; v < visits; v++) {
                Instant at = START.plusSeconds(random.nextInt(6 * 24 * 3600));
                int events = 1 + random.nextInt(8);
                for (int e = 0; e < events; e++) {
                    InteractionKind kind = random.nextInt(4) == 0 ? InteractionKind.CART_ADD : InteractionKind.PRODUCT_VIEW;
                    String sku = random.nextInt(10) == 0 ? null : SKUS.get(random.nextInt(SKUS.size()));
                    plans.add(new Plan(c, at, new InteractionRecorded(kind, sku, sku == null ? null : "TEA", null, null, null, null, null)));
                    int gap = random.nextInt(10);
                    at = at.plusSeconds(gap < 2 ? 0 : gap < 7 ? 60 + random.nextInt(28 * 60) : gap == 7 ? 30 * 60 : 30 * 60 + random.nextInt(3600));
                }
            }
            int orders = random.nextInt(4);
            for (int o = 0; o < orders; o++) {
                Instant at = START.plusSeconds(random.nextInt(7 * 24 * 3600));
                String orderId = "o-" + o;
                plans.add(new Plan(c, at, new OrderCompleted(orderId, new BigDecimal("40.00"), "CNY", BigDecimal.ZERO, null,
                        List.of(new OrderItem("tea-a", "TEA", 1, new BigDecimal("40.00"))))));
                if (random.nextInt(3) == 0) {
                    plans.add(new Plan(c, at.plusSeconds(3600), new OrderCancelled(orderId, "changed my mind")));
                }
            }
        }
        plans.sort(Comparator.comparing(Plan::at));
        return plans;
    }

    /** The customer's views and cart adds, those at the same instant by SKU, as the SQL breaks the tie. */
    private static List<BrowseEvent> browsing(List<Plan> history, int customer) {
        return history.stream().filter(p -> p.customer() == customer && p.payload() instanceof InteractionRecorded)
                .map(p -> {
                    InteractionRecorded i = (InteractionRecorded) p.payload();
                    return new BrowseEvent(p.at(), i.kind() == InteractionKind.CART_ADD ? BrowseEvent.Kind.CART_ADD
                            : BrowseEvent.Kind.PRODUCT_VIEW, i.sku());
                })
                .sorted(Comparator.comparing(BrowseEvent::at).thenComparing(BrowseEvent::productId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static List<Instant> orders(List<Plan> history, int customer) {
        return history.stream().filter(p -> p.customer() == customer && p.payload() instanceof OrderCompleted).map(Plan::at).toList();
    }

    private static List<EventEnvelope<?>> envelopes(String prefix, List<Plan> history) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (Plan p : history) {
            events.add(EventEnvelope.of(prefix + "-c" + p.customer(), p.at(), "test", p.payload()));
        }
        return events;
    }

    private void feed(List<EventEnvelope<?>> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (EventEnvelope<?> e : events.subList(from, Math.min(events.size(), from + batchSize))) {
                batch.add(new ConsumerRecord<>(e.eventType().topic(), 0, from, e.customerId(), codec.encodeBytes(e)));
            }
            intake.accept("browse-replay-test", batch, profiles);
        }
    }

    /** The BrowseAbandoned of the customers whose id matches, by customer, in the order published. */
    private Map<String, List<BrowseAbandoned>> published(String customers) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM platform_outbox")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        Map<String, List<BrowseAbandoned>> byCustomer = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : SegmentEvents.readAll(kafka)) {
            if (record.key() != null && record.key().matches(customers) && codec.decode(record.value()).payload() instanceof BrowseAbandoned b) {
                byCustomer.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(b);
            }
        }
        return byCustomer;
    }
}
