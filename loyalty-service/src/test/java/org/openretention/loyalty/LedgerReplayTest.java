package org.openretention.loyalty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.EventType;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.ledger.LedgerEntry;
import org.openretention.loyalty.service.LedgerMaintenance;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.loyalty.service.MemberQueries;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.testkit.PlatformTestResources;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two years of history for a small population, processed through the real intake path: once in time order, once
 * with the customers interleaved differently (each customer's own order kept, as Kafka keeps it per key) and in
 * other batch sizes, and the first stream once more as a redelivery. Every member must end with the same ledger.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class LedgerReplayTest {

    private static final int CUSTOMERS = 40;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Inject
    EventIntake intake;
    @Inject
    LoyaltyIntake loyalty;
    @Inject
    LedgerMaintenance maintenance;
    @Inject
    MemberQueries queries;
    @Inject
    EventCodec codec;
    @Inject
    org.openretention.loyalty.member.MemberCache memberCache;

    private record Plan(int customer, Instant at, EventPayload payload) {
    }

    @Test
    void theSameHistoryGivesTheSameLedgerWhateverTheInterleavingAndRedelivery() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Plan> history = history(new Random(7));
        assertThat(history.size()).isGreaterThan(500);

        List<EventEnvelope<?>> inOrder = envelopes("ra" + run, history);
        List<EventEnvelope<?>> shuffled = interleaveDifferently(envelopes("rb" + run, history), new Random(11));
        assertThat(shuffled).isNotEqualTo(envelopes("rb" + run, history));

        feed(inOrder, 50);
        feed(shuffled, 17);
        feed(inOrder, 23);
        // half of the first run's members from the database rather than from memory: a member untouched for about
        // two years must still see the orders its requalification dates look back to
        for (int i = 0; i < CUSTOMERS; i += 2) {
            memberCache.forget(id("ra" + run, i));
        }
        // brings every member to now, writing the expiry entries the summaries (as of now) account for
        maintenance.runAsOf(Instant.now()).orElseThrow();

        int withPoints = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            MemberQueries.Standing a = queries.standing(id("ra" + run, i)).orElseThrow();
            MemberQueries.Standing b = queries.standing(id("rb" + run, i)).orElseThrow();
            String ledgers = describe(id("ra" + run, i)) + "\n  vs\n" + describe(id("rb" + run, i));
            assertThat(b.availablePoints()).as("available of customer %d:%n%s", i, ledgers).isEqualTo(a.availablePoints());
            assertThat(b.pendingPoints()).as("pending of customer %d", i).isEqualTo(a.pendingPoints());
            assertThat(b.lifetimePoints()).as("lifetime of customer %d", i).isEqualTo(a.lifetimePoints());
            assertThat(b.tier()).as("tier of customer %d:%n%s", i, ledgers).isEqualTo(a.tier());
            MemberQueries.LedgerPage ledgerA = queries.ledger(id("ra" + run, i), 0, 500).orElseThrow();
            MemberQueries.LedgerPage ledgerB = queries.ledger(id("rb" + run, i), 0, 500).orElseThrow();
            assertThat(ledgerB.totalEntries()).as("entries of customer %d", i).isEqualTo(ledgerA.totalEntries());
            assertThat(ledgerA.entries().stream().mapToLong(e -> e.entry().points()).sum())
                    .as("the available balance is the sum of the available entries, customer %d", i)
                    .isEqualTo(a.availablePoints() + a.pendingPoints());
            if (a.lifetimePoints() > 0) {
                withPoints++;
            }
        }
        assertThat(withPoints).as("the history gave most members points").isGreaterThan(CUSTOMERS / 2);
    }

    private String describe(String customer) {
        StringBuilder text = new StringBuilder(customer).append('\n');
        for (MemberQueries.StoredEntry stored : queries.ledger(customer, 0, 500).orElseThrow().entries()) {
            LedgerEntry e = stored.entry();
            text.append("  ").append(e.occurredAt()).append(' ').append(e.type()).append(' ').append(e.points())
                    .append(' ').append(e.reason()).append(" available ").append(e.availableAt()).append('\n');
        }
        return text.toString();
    }

    private void feed(List<EventEnvelope<?>> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (EventEnvelope<?> e : events.subList(from, Math.min(events.size(), from + batchSize))) {
                batch.add(new ConsumerRecord<>(e.eventType().topic(), 0, from, e.customerId(), codec.encodeBytes(e)));
            }
            intake.accept("replay-test", batch, loyalty);
        }
    }

    private static String id(String prefix, int customer) {
        return prefix + "-c" + customer;
    }

    /** The same planned history as envelopes for customers with {@code prefix}; event ids derive from the plan. */
    private static List<EventEnvelope<?>> envelopes(String prefix, List<Plan> plan) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int n = 0; n < plan.size(); n++) {
            Plan p = plan.get(n);
            EventPayload payload = p.payload() instanceof CustomerRegistered r
                    ? new CustomerRegistered(r.registeredAt(), null, null, null, r.birthday(), null, null,
                    prefix + "-" + r.referralCode(), r.referredByCode() == null ? null : prefix + "-" + r.referredByCode(), Map.of())
                    : p.payload();
            EventType type = EventType.of(payload);
            UUID eventId = UUID.nameUUIDFromBytes((prefix + "|" + n).getBytes(StandardCharsets.UTF_8));
            events.add(new EventEnvelope<>(eventId, type.typeName(), 1, p.at(), id(prefix, p.customer()), "test", payload));
        }
        return events;
    }

    /** Interleaves customers at random while keeping each customer's events in their order. */
    private static List<EventEnvelope<?>> interleaveDifferently(List<EventEnvelope<?>> events, Random random) {
        Map<String, List<EventEnvelope<?>>> byCustomer = new HashMap<>();
        events.forEach(e -> byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e));
        List<String> open = new ArrayList<>(byCustomer.keySet());
        open.sort(Comparator.naturalOrder());
        Map<String, Integer> next = new HashMap<>();
        List<EventEnvelope<?>> result = new ArrayList<>();
        while (!open.isEmpty()) {
            String customer = open.get(random.nextInt(open.size()));
            int i = next.getOrDefault(customer, 0);
            result.add(byCustomer.get(customer).get(i));
            if (i + 1 == byCustomer.get(customer).size()) {
                open.remove(customer);
            } else {
                next.put(customer, i + 1);
            }
        }
        return result;
    }

    private static List<Plan> history(Random random) {
        List<Plan> plan = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            Instant registered = START.plus(Duration.ofHours(random.nextInt(24 * 200)));
            LocalDate birthday = random.nextBoolean() ? LocalDate.of(1980 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
            String referredBy = c > 5 && random.nextInt(4) == 0 ? "code" + random.nextInt(5) : null;
            plan.add(new Plan(c, registered, new CustomerRegistered(registered, null, null, null, birthday, null, null, "code" + c, referredBy, Map.of())));
            Instant t = registered;
            int orders = random.nextInt(12);
            for (int o = 0; o < orders; o++) {
                t = t.plus(Duration.ofHours(1 + random.nextInt(24 * 60)));
                String orderId = "o-" + c + "-" + o;
                BigDecimal amount = BigDecimal.valueOf(20 + random.nextInt(3000)).add(new BigDecimal("0.50"));
                plan.add(new Plan(c, t, new OrderCompleted(orderId, amount, random.nextInt(5) == 0 ? "EUR" : "CNY", BigDecimal.ZERO, null,
                        List.of(new OrderItem("S" + o, random.nextBoolean() ? "BOOKS" : "BEAUTY", 1, amount)))));
                int fate = random.nextInt(20);
                if (fate == 0) {
                    plan.add(new Plan(c, t.plus(Duration.ofDays(2)), new OrderRefunded(orderId, "rf-" + orderId, amount, "CNY", true, null)));
                } else if (fate == 1) {
                    plan.add(new Plan(c, t.plus(Duration.ofDays(20)), new OrderRefunded(orderId, "rf-" + orderId,
                            amount.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN), "CNY", false, null)));
                } else if (fate == 2) {
                    plan.add(new Plan(c, t.plus(Duration.ofHours(3)), new OrderCancelled(orderId, null)));
                }
                for (int k = 0; k < random.nextInt(6); k++) {
                    InteractionKind kind = List.of(InteractionKind.CHECK_IN, InteractionKind.REVIEW, InteractionKind.SHARE, InteractionKind.PRODUCT_VIEW).get(random.nextInt(4));
                    InteractionRecorded interaction = kind == InteractionKind.REVIEW
                            ? InteractionRecorded.review("S" + o, "BOOKS", 1 + random.nextInt(5), "fine", "en", orderId)
                            : new InteractionRecorded(kind, null, null, null, null, null, null, null);
                    plan.add(new Plan(c, t.plus(Duration.ofHours(4 + k * 5L)), interaction));
                }
            }
        }
        plan.sort(Comparator.comparing(Plan::at));
        return plan;
    }
}
