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
import org.openretention.events.orders.OrderCompleted;
import org.openretention.platform.testapp.TestEffects;
import org.openretention.platform.testapp.TestOrderConsumer;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class EventIntakeTest {

    private static final String TOPIC = "kit-orders";
    private static KafkaTestClient kafka;

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
    void aRedeliveredEventIsAppliedOnce() {
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> order = TestEvents.orderCompleted(customer, "o-1", "99.50", Instant.now());

        kafka.publish(TOPIC, order);
        kafka.publish(TOPIC, order);
        // same key, same partition: once the marker is applied, both copies of the order have been consumed
        kafka.publish(TOPIC, TestEvents.orderCompleted(customer, "marker", "1", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.ordersApplied(customer).contains("marker"));
        assertThat(effects.ordersApplied(customer)).containsExactly("o-1", "marker");
    }

    @Test
    void duplicatesInsideOneBatchAreAppliedOnce() {
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> order = TestEvents.orderCompleted(customer, "o-dup", "10", Instant.now());
        byte[] value = codec.encodeBytes(order);
        for (int i = 0; i < 5; i++) {
            kafka.send(TOPIC, customer, value);
        }
        kafka.publish(TOPIC, TestEvents.orderCompleted(customer, "marker", "1", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.ordersApplied(customer).contains("marker"));
        assertThat(effects.ordersApplied(customer)).containsExactly("o-dup", "marker");
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheReasonAndTheNextGoodRecordIsProcessed() {
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> template = TestEvents.orderCompleted(customer, "o-bad", "12.00", Instant.now());
        String missingAmount = codec.encode(template).replace("\"amount\":12.00,", "");
        assertThat(missingAmount).doesNotContain("\"amount\"");

        kafka.send(TOPIC, customer, "{this is not json");
        kafka.send(TOPIC, customer, missingAmount);
        kafka.publish(TOPIC, TestEvents.orderCompleted(customer, "o-good", "5", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.ordersApplied(customer).contains("o-good"));
        assertThat(effects.ordersApplied(customer)).containsExactly("o-good");

        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(customer, 2);
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
        assertThat(header(dead.get(0), DeadLetters.REASON)).contains("not valid JSON");
        assertThat(header(dead.get(1), DeadLetters.REASON)).contains("amount");
        assertThat(header(dead.get(1), DeadLetters.TOPIC)).isEqualTo(TOPIC);
        assertThat(header(dead.get(1), DeadLetters.SERVICE)).isEqualTo("platform-kit-test");
        assertThat(header(dead.get(1), DeadLetters.OFFSET)).matches("\\d+");
    }

    @Test
    void anEventWhoseKeyIsNotItsCustomerIsDeadLettered() {
        String customer = TestEvents.newCustomerId();
        EventEnvelope<OrderCompleted> order = TestEvents.orderCompleted(customer, "o-wrong-key", "3", Instant.now());
        String wrongKey = customer + "-other";
        kafka.send(TOPIC, wrongKey, codec.encodeBytes(order));

        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(TOPIC + ".dlq", Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> wrongKey.equals(r.key())));
        ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> wrongKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(record, DeadLetters.REASON)).contains("must be the customerId");
        assertThat(effects.ordersApplied(customer)).isEmpty();
    }

    @Test
    void aBatchThatFailsIsReadAgainAndNothingBehindItIsSkipped() {
        String customer = TestEvents.newCustomerId();
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(i == 4 ? "crash-" + customer : "o-" + i);
        }
        for (String id : orders) {
            kafka.publish(TOPIC, TestEvents.orderCompleted(customer, id, "1", Instant.now()));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> effects.ordersApplied(customer).size() == orders.size());
        assertThat(effects.ordersApplied(customer)).containsExactlyElementsOf(orders);
        assertThat(TestOrderConsumer.CRASHES).containsEntry("crash-" + customer, 3);
    }

    @Test
    void anEventTheHandlerRejectsIsDeadLetteredWithoutBlockingTheOthers() {
        String customer = TestEvents.newCustomerId();
        kafka.publish(TOPIC, TestEvents.orderCompleted(customer, "o-before", "1", Instant.now()));
        kafka.publish(TOPIC, TestEvents.orderCompleted(customer, "reject-me", "1", Instant.now()));
        kafka.publish(TOPIC, TestEvents.orderCompleted(customer, "o-after", "1", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.ordersApplied(customer).contains("o-after"));
        assertThat(effects.ordersApplied(customer)).containsExactly("o-before", "o-after");
        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(customer, 1);
        assertThat(header(dead.get(0), DeadLetters.REASON)).contains("reject-me cannot be applied");
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(String customer, int expected) {
        return kafka.readUntil(TOPIC + ".dlq", Duration.ofSeconds(30),
                        records -> records.stream().filter(r -> customer.equals(r.key())).count() >= expected)
                .stream().filter(r -> customer.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
