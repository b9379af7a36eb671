package org.openretention.platform.messaging;

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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class OutboxTest {

    private static KafkaTestClient kafka;

    @Inject
    TestPublisher publisher;
    @Inject
    TestEffects effects;
    @Inject
    EventCodec codec;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aCommittedEventIsPublishedKeyedByCustomer() throws InvalidEventException {
        String topic = "kit-outbox-" + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer, "o-out", "42.10", Instant.now());

        publisher.publish(topic, event);

        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(topic, Duration.ofSeconds(30), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(customer);
        assertThat(codec.decode(records.get(0).value())).isEqualTo(event);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.outboxRow(event.eventId()).sent());
    }

    @Test
    void anOutboxRowSurvivesAFailedPublishAndIsSentLater() throws InvalidEventException {
        // brokers here never auto-create topics, so sending to a topic that does not exist yet fails for real
        String topic = "kit-outbox-late-" + UUID.randomUUID();
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer, "o-late", "7", Instant.now());

        publisher.publish(topic, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.outboxRow(event.eventId()).attempts() >= 1);
        TestEffects.OutboxRow failed = effects.outboxRow(event.eventId());
        assertThat(failed.sent()).isFalse();
        assertThat(failed.lastError()).isNotBlank();

        kafka.createTopic(topic, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.outboxRow(event.eventId()).sent());
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(topic, Duration.ofSeconds(30), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(codec.decode(records.get(0).value()).eventId()).isEqualTo(event.eventId());
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> event = TestEvents.orderCompleted(customer, "o-rollback", "1", Instant.now());

        assertThatThrownBy(() -> publisher.publishThenFail("kit-outbox-never", event)).isInstanceOf(IllegalStateException.class);

        assertThat(effects.outboxRow(event.eventId())).isNull();
    }
}
