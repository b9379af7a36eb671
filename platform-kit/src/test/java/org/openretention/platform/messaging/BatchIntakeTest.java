package org.openretention.platform.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hot-path contract: a whole batch reaches the handler in one call, inside one transaction. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class BatchIntakeTest {

    @Inject
    EventIntake intake;
    @Inject
    EventCodec codec;
    @Inject
    ProcessedEvents processedEvents;

    @Test
    void aBatchIsAppliedInOneCallAndARedeliveredBatchChangesNothing() {
        String customer = TestEvents.newCustomerId();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            EventEnvelope<?> event = TestEvents.orderCompleted(customer, "o-" + i, "10", Instant.now());
            batch.add(new ConsumerRecord<>("kit-batch", 0, i, customer, codec.encodeBytes(event)));
        }
        List<List<EventEnvelope<?>>> calls = new ArrayList<>();
        EventHandler handler = new EventHandler() {
            @Override
            public void apply(EventEnvelope<?> event) {
                throw new AssertionError("the intake must hand batches to applyAll");
            }

            @Override
            public void applyAll(List<EventEnvelope<?>> events) {
                calls.add(List.copyOf(events));
            }
        };

        intake.accept("batch-test", batch, handler);
        intake.accept("batch-test", batch, handler);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(200);
        assertThat(calls.get(0).get(0).customerId()).isEqualTo(customer);
        assertThat(processedEvents.isProcessed("batch-test", calls.get(0).get(199).eventId())).isTrue();
    }

    @Test
    void aFailingBatchRollsBackItsClaimsSoTheEventsAreRetriedOneByOne() {
        String customer = TestEvents.newCustomerId();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EventEnvelope<?> event = TestEvents.orderCompleted(customer, "o-" + i, "10", Instant.now());
            batch.add(new ConsumerRecord<>("kit-batch", 0, i, customer, codec.encodeBytes(event)));
        }
        List<String> applied = new ArrayList<>();
        EventHandler handler = new EventHandler() {
            @Override
            public void apply(EventEnvelope<?> event) {
                applied.add(((org.openretention.events.orders.OrderCompleted) event.payload()).orderId());
            }

            @Override
            public void applyAll(List<EventEnvelope<?>> events) {
                if (events.size() > 1) {
                    throw new IllegalStateException("batch write failed");
                }
                EventHandler.super.applyAll(events);
            }
        };

        intake.accept("batch-retry-test", batch, handler);

        assertThat(applied).containsExactly("o-0", "o-1", "o-2");
    }
}
