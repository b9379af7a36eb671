package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.segments.BrowseAbandoned;
import org.openretention.platform.messaging.ProcessedEvents;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browse abandonment end to end: views, cart adds and orders published to real Kafka, taken in by the profiles'
 * intake, evaluated over {@code POST /evaluations} as of chosen instants, and the {@code BrowseAbandoned} events read
 * back from {@code segment-events}.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class BrowseAbandonmentEvaluationTest {

    /** Before EvaluationTest's instants, so its evaluations never find these sessions open. */
    private static final Instant B = Instant.parse("2030-03-01T10:00:00Z");
    private static KafkaTestClient kafka;

    @Inject
    ProcessedEvents processed;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventCodec codec;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
        for (String topic : List.of(Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS, Topics.LOYALTY_EVENTS)) {
            kafka.createTopicIfMissing(topic, 3);
        }
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static Instant minutes(long m) {
        return B.plus(Duration.ofMinutes(m));
    }

    private static EventEnvelope<?> view(String customer, long minutes, String sku) {
        return EventEnvelope.of(customer, minutes(minutes), "test", InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, sku, sku == null ? null : "TEA"));
    }

    private static EventEnvelope<?> cartAdd(String customer, long minutes, String sku) {
        return EventEnvelope.of(customer, minutes(minutes), "test", InteractionRecorded.onProduct(InteractionKind.CART_ADD, sku, "TEA"));
    }

    private static EventEnvelope<?> event(String customer, Instant at, EventPayload payload) {
        return EventEnvelope.of(customer, at, "test", payload);
    }

    private void publishAndAwait(List<EventEnvelope<?>> events) {
        events.forEach(e -> kafka.publish(e.eventType().topic(), e));
        await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
                .allMatch(e -> processed.isProcessed(ProfileIntake.CONSUMER, e.eventId())));
    }

    private static void evaluate(Instant asOf) {
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("asOf", asOf.toString())
                .post("/evaluations").then().statusCode(200);
    }

    @Test
    void eachAbandonedSessionIsPublishedOnceAfterItsWindowClosedAndConvertedSessionsNever() throws Exception {
        String abandoner = TestEvents.newCustomerId();
        String converted = TestEvents.newCustomerId();
        String orderedBefore = TestEvents.newCustomerId();
        String late = TestEvents.newCustomerId();
        Set<String> ours = Set.of(abandoner, converted, orderedBefore, late);

        publishAndAwait(List.of(
                // one visit of five events (each less than 30 minutes after the previous), then another 2h15 later
                view(abandoner, 0, "S1"), view(abandoner, 5, "S2"), view(abandoner, 12, "S1"), cartAdd(abandoner, 20, "S2"),
                view(abandoner, 45, "S3"), view(abandoner, 180, "S4"),
                // an order two hours after the visit converts it, even though it was cancelled later
                view(converted, 0, "S9"), cartAdd(converted, 10, "S9"),
                TestEvents.orderCompleted(converted, "o-1", "80.00", minutes(120)),
                event(converted, minutes(180), new OrderCancelled("o-1", "changed my mind")),
                // an order before the visit does not convert it; a view without sku counts without a product
                TestEvents.orderCompleted(orderedBefore, "o-2", "50.00", minutes(-60)),
                view(orderedBefore, 0, "S5"), view(orderedBefore, 1, null),
                view(late, 0, "S7"), view(late, 10, "S8")));

        // the abandoner's second visit (last event at +180 min) is still open one second before +24h180m
        Instant asOf1 = minutes(180).plus(Duration.ofHours(24)).minusSeconds(1);
        evaluate(asOf1);
        evaluate(asOf1);
        Map<String, List<BrowseAbandoned>> first = published(ours);
        assertThat(first.get(abandoner)).containsExactly(
                new BrowseAbandoned(minutes(0), minutes(45), List.of("S1", "S2", "S3"), 1, 4));
        assertThat(first.get(orderedBefore)).containsExactly(new BrowseAbandoned(minutes(0), minutes(1), List.of("S5"), 0, 2));
        assertThat(first.get(late)).containsExactly(new BrowseAbandoned(minutes(0), minutes(10), List.of("S7", "S8"), 0, 2));
        assertThat(first.get(converted)).as("a converted session").isEmpty();

        // activity arriving after its session was published: within 30 minutes of it, it is part of that session;
        // two hours later, it is a session of its own
        publishAndAwait(List.of(view(late, 25, "S7"), view(late, -20, "S6"), view(late, 120, "S9")));
        Instant asOf2 = minutes(180).plus(Duration.ofHours(24));
        evaluate(asOf2);
        evaluate(asOf2.minus(Duration.ofHours(1)));
        evaluate(asOf2.plus(Duration.ofDays(1)));
        Map<String, List<BrowseAbandoned>> all = published(ours);
        assertThat(all.get(abandoner)).containsExactly(
                new BrowseAbandoned(minutes(0), minutes(45), List.of("S1", "S2", "S3"), 1, 4),
                new BrowseAbandoned(minutes(180), minutes(180), List.of("S4"), 0, 1));
        assertThat(all.get(orderedBefore)).hasSize(1);
        assertThat(all.get(late)).containsExactly(
                new BrowseAbandoned(minutes(0), minutes(10), List.of("S7", "S8"), 0, 2),
                new BrowseAbandoned(minutes(120), minutes(120), List.of("S9"), 0, 1));
        assertThat(all.get(converted)).isEmpty();

        // every session decided: no browsing rows left, one record per session
        assertThat(count("SELECT count(*) FROM browse_activity WHERE customer_id = ANY (?)", ours)).isZero();
        assertThat(count("SELECT count(*) FROM browse_session WHERE customer_id = ANY (?) AND abandoned", ours)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM browse_session WHERE customer_id = ANY (?) AND NOT abandoned", ours))
                .as("the converted session and the two late pieces of a published one").isEqualTo(3);
    }

    @Test
    void aSessionDecidedLongAfterItsWindowClosedIsRecordedButNotPublished() throws Exception {
        String stale = TestEvents.newCustomerId();
        String recent = TestEvents.newCustomerId();
        Instant base = Instant.parse("2030-09-01T10:00:00Z");
        // as when a history is imported: the first evaluation finds visits of long ago and of the last days
        publishAndAwait(List.of(event(stale, base, InteractionRecorded.onProduct(InteractionKind.CART_ADD, "S1", "TEA")),
                event(recent, base.plus(Duration.ofDays(6)), InteractionRecorded.onProduct(InteractionKind.CART_ADD, "S2", "TEA"))));
        // the stale session's window closed 8 days and 1 minute before asOf, the recent one's 2 days before
        evaluate(base.plus(Duration.ofDays(9)).plus(Duration.ofMinutes(1)));

        Map<String, List<BrowseAbandoned>> all = published(Set.of(stale, recent));
        assertThat(all.get(stale)).as("beyond publish-within (7 days)").isEmpty();
        assertThat(all.get(recent)).containsExactly(new BrowseAbandoned(base.plus(Duration.ofDays(6)), base.plus(Duration.ofDays(6)),
                List.of("S2"), 1, 0));
        assertThat(count("SELECT count(*) FROM browse_activity WHERE customer_id = ANY (?)", Set.of(stale)))
                .as("decided and its rows deleted, so never published later").isZero();
        evaluate(base.plus(Duration.ofDays(9)).plus(Duration.ofMinutes(2)));
        assertThat(published(Set.of(stale)).get(stale)).isEmpty();
    }

    @Test
    void erasureDeletesTheCustomersBrowsingAndDecidedSessions() throws Exception {
        String decided = TestEvents.newCustomerId();
        String open = TestEvents.newCustomerId();
        Instant base = Instant.parse("2030-06-01T10:00:00Z");
        publishAndAwait(List.of(event(decided, base, InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "S1", "TEA")),
                event(open, base.plus(Duration.ofHours(30)), InteractionRecorded.onProduct(InteractionKind.CART_ADD, "S2", "TEA"))));
        evaluate(base.plus(Duration.ofHours(25)));
        assertThat(count("SELECT count(*) FROM browse_session WHERE customer_id = ANY (?)", Set.of(decided))).isOne();
        assertThat(count("SELECT count(*) FROM browse_activity WHERE customer_id = ANY (?)", Set.of(open))).isOne();

        publishAndAwait(List.of(event(decided, base.plus(Duration.ofDays(2)), new CustomerErased(base.plus(Duration.ofDays(2)))),
                event(open, base.plus(Duration.ofDays(2)), new CustomerErased(base.plus(Duration.ofDays(2))))));
        assertThat(count("SELECT count(*) FROM browse_session WHERE customer_id = ANY (?)", Set.of(decided, open))).isZero();
        assertThat(count("SELECT count(*) FROM browse_activity WHERE customer_id = ANY (?)", Set.of(decided, open))).isZero();
    }

    /** Every BrowseAbandoned of {@code customers} on segment-events once the outbox has sent all it holds, by session start. */
    private Map<String, List<BrowseAbandoned>> published(Set<String> customers) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM platform_outbox", Set.of()) == 0);
        Map<String, List<BrowseAbandoned>> byCustomer = new java.util.HashMap<>();
        customers.forEach(c -> byCustomer.put(c, new ArrayList<>()));
        for (var record : SegmentEvents.readAll(kafka)) {
            if (customers.contains(record.key()) && codec.decode(record.value()).payload() instanceof BrowseAbandoned b) {
                byCustomer.get(record.key()).add(b);
            }
        }
        byCustomer.values().forEach(l -> l.sort(java.util.Comparator.comparing(BrowseAbandoned::sessionStartedAt)));
        return byCustomer;
    }

    private long count(String sql, Set<String> customers) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setArray(1, c.createArrayOf("varchar", customers.toArray()));
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
