package org.openretention.platform.messaging;

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
import org.openretention.events.InvalidEventException;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.platform.testapp.TestEffects;
import org.openretention.platform.testapp.TestPublisher;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class OutboxTest {

    private static final String RELAY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('openretention'), hashtext('outbox-relay'))";

    private static KafkaTestClient kafka;

    @Inject
    TestPublisher publisher;
    @Inject
    TestEffects effects;
    @Inject
    EventCodec codec;
    @Inject
    OutboxRelay relay;
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

    @Test
    void aCommittedEventIsPublishedKeyedByCustomerAndLeavesTheOutbox() throws InvalidEventException {
        String topic = "kit-outbox-" + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer, "o-out", "42.10", Instant.now());

        publisher.publish(topic, event);

        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(topic, Duration.ofSeconds(30), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(customer);
        assertThat(codec.decode(records.get(0).value())).isEqualTo(event);
        assertThat(header(records.get(0), "event-type")).isEqualTo(event.type());
        assertThat(header(records.get(0), "event-id")).isEqualTo(event.eventId().toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.outboxRow(event.eventId()) == null);
    }

    @Test
    void textThatNeedsEscapingInCopyArrivesUnchanged() throws InvalidEventException {
        // COPY's text format escapes backslash, tab, newline and carriage return; the JSON payload carries
        // backslashes (its own escapes) and non-ASCII text, the record key raw control characters
        String topic = "kit-outbox-text-" + UUID.randomUUID();
        kafka.createTopic(topic, 1);
        String customer = TestEvents.newCustomerId() + "\t\\N\n\r 顾客 \uD83D\uDE00";
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer,
                "o-\\-\t-\n-\r-\"-订单-\u00e9-\uD83D\uDE00-\\N-\\.", "9.99", Instant.now());

        publisher.publishAll(topic, List.of(event));

        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(topic, Duration.ofSeconds(30), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(customer);
        assertThat(records.get(0).value()).isEqualTo(codec.encodeBytes(event));
        assertThat(codec.decode(records.get(0).value())).isEqualTo(event);
    }

    @Test
    void eachCustomersEventsArriveInPublishOrderAcrossTransactionsAndRounds() {
        // more events than one relay round takes (openretention.outbox.batch-size in the test configuration)
        String topic = "kit-outbox-order-" + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        List<String> customers = List.of(TestEvents.newCustomerId(), TestEvents.newCustomerId(), TestEvents.newCustomerId(), TestEvents.newCustomerId());
        Map<String, List<String>> published = new LinkedHashMap<>();
        int total = 0;
        for (int tx = 0; tx < 12; tx++) {
            List<EventEnvelope<OrderCompleted>> events = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String customer = customers.get((tx + i) % customers.size());
                String orderId = "o-" + tx + "-" + i;
                events.add(TestEvents.orderCompleted(customer, orderId, "1", Instant.now()));
                published.computeIfAbsent(customer, c -> new ArrayList<>()).add(orderId);
                total++;
            }
            publisher.publishAll(topic, events);
        }

        int expected = total;
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(topic, Duration.ofSeconds(60), r -> r.size() >= expected);
        assertThat(records).hasSize(expected);
        Map<String, List<String>> received = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            received.computeIfAbsent(record.key(), c -> new ArrayList<>()).add(orderId(record));
        }
        assertThat(received).isEqualTo(published);
    }

    @Test
    void aFailedSendIsRetriedLaterAndRecordsTheAttemptAndError() throws InvalidEventException {
        // brokers here never auto-create topics, so sending to a topic that does not exist yet fails for real
        String topic = "kit-outbox-late-" + UUID.randomUUID();
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer, "o-late", "7", Instant.now());

        publisher.publish(topic, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.outboxRow(event.eventId()).attempts() >= 1);
        TestEffects.OutboxRow failed = effects.outboxRow(event.eventId());
        assertThat(failed.lastError()).isNotBlank();

        kafka.createTopic(topic, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.outboxRow(event.eventId()) == null);
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(topic, Duration.ofSeconds(30), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(codec.decode(records.get(0).value()).eventId()).isEqualTo(event.eventId());
    }

    @Test
    void aFailedSendRollsTheWholeRoundBackSoNothingBehindItIsLostOrReordered() {
        awaitEmptyOutbox(); // so that the three events below are relayed in one round
        String ready = "kit-outbox-ready-" + UUID.randomUUID();
        String missing = "kit-outbox-missing-" + UUID.randomUUID();
        kafka.createTopic(ready, 1);
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> first = TestEvents.orderCompleted(customer, "o-first", "1", Instant.now());
        EventEnvelope<OrderCompleted> failing = TestEvents.orderCompleted(customer, "o-failing", "2", Instant.now());
        EventEnvelope<OrderCompleted> last = TestEvents.orderCompleted(customer, "o-last", "3", Instant.now());

        publisher.publishEach(List.of(Map.entry(ready, first), Map.entry(missing, failing), Map.entry(ready, last)));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.outboxRow(failing.eventId()).attempts() >= 1);
        // the round sent the first event, but rolled back: its row is there again, untouched, and so is the last
        assertThat(effects.outboxRow(first.eventId())).isNotNull();
        assertThat(effects.outboxRow(first.eventId()).attempts()).isZero();
        assertThat(effects.outboxRow(last.eventId())).isNotNull();
        assertThat(effects.outboxRow(failing.eventId()).lastError()).isNotBlank();

        kafka.createTopic(missing, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.outboxRow(last.eventId()) == null);
        assertThat(effects.outboxRow(first.eventId())).isNull();
        assertThat(effects.outboxRow(failing.eventId())).isNull();
        assertThat(kafka.readUntil(missing, Duration.ofSeconds(30), r -> !r.isEmpty())).hasSize(1);
        List<String> onReady = kafka.readUntil(ready, Duration.ofSeconds(30), r -> r.stream().anyMatch(x -> orderId(x).equals("o-last")))
                .stream().map(this::orderId).toList();
        // at least once: the first event may have gone out once per failed round, but always before the last one
        assertThat(onReady).contains("o-first").endsWith("o-last").containsOnlyOnce("o-last");
        assertThat(onReady.subList(0, onReady.size() - 1)).containsOnly("o-first");
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer, "o-rollback", "1", Instant.now());

        assertThatThrownBy(() -> publisher.publishThenFail("kit-outbox-never", event)).isInstanceOf(IllegalStateException.class);

        assertThat(effects.outboxRow(event.eventId())).isNull();
    }

    @Test
    void onlyTheInstanceHoldingTheRelayLockRelays() throws SQLException {
        awaitEmptyOutbox();
        String topic = "kit-outbox-locked-" + UUID.randomUUID();
        kafka.createTopic(topic, 1);
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(TestEvents.newCustomerId(), "o-locked", "5", Instant.now());

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try {
                try (Statement lock = otherInstance.createStatement()) {
                    lock.execute(RELAY_LOCK);
                }
                publisher.publish(topic, event);

                assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.RelayResult(0, false, 0));
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> effects.outboxRow(event.eventId()) != null);
                given().auth().oauth2(TestTokens.withRoles("ops")).get("/ops/messaging").then().statusCode(200)
                        .body("outbox.pending", greaterThanOrEqualTo(1))
                        .body("outbox.oldestPendingSince", notNullValue());
            } finally {
                otherInstance.rollback(); // releases the lock, as the other instance's round would end
                otherInstance.setAutoCommit(true);
            }
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> effects.outboxRow(event.eventId()) == null);
        assertThat(kafka.readUntil(topic, Duration.ofSeconds(30), r -> !r.isEmpty())).hasSize(1);
        given().auth().oauth2(TestTokens.withRoles("ops")).get("/ops/messaging").then().statusCode(200)
                .body("outbox.pending", equalTo(0));
    }

    @Test
    void theRelayVacuumsTheOutboxTableAfterEnoughDeletedRows() throws SQLException {
        long before = vacuums();
        // the test profile vacuums after 100 deleted rows, at most every 0 s: 150 rows (one event each) cross it
        String topic = "kit-outbox-" + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        String customer = TestEvents.newCustomerId();
        for (int i = 0; i < 150; i++) {
            publisher.publish(topic, TestEvents.orderCompleted(customer, "o-vac-" + i, "10.00", Instant.now()));
        }
        awaitEmptyOutbox();
        await().atMost(Duration.ofSeconds(30)).until(() -> vacuums() > before);
        assertThat(relay.vacuum()).as("runs outside a transaction, as VACUUM must").isTrue();
    }

    private long vacuums() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'platform_outbox'");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Test
    void theOutboxTableKeepsOnlyItsPrimaryKeyIndex() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT indexname FROM pg_indexes WHERE tablename = 'platform_outbox'");
             ResultSet rs = s.executeQuery()) {
            List<String> indexes = new ArrayList<>();
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
            assertThat(indexes).containsExactly("platform_outbox_pkey");
        }
    }

    private void awaitEmptyOutbox() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT count(*) FROM platform_outbox");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) == 0;
            }
        });
    }

    private String orderId(ConsumerRecord<String, byte[]> record) {
        try {
            return ((OrderCompleted) codec.decode(record.value()).payload()).orderId();
        } catch (InvalidEventException e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
