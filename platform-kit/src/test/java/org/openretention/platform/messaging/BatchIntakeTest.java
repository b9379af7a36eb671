package org.openretention.platform.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    @Inject
    StreamPositions positions;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MeterRegistry registry;

    @Test
    void aBatchIsAppliedInOneCallAndARedeliveredBatchChangesNothing() {
        String customer = TestEvents.newCustomerId();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            EventEnvelope<?> event = TestEvents.orderCompleted(customer, "o-" + i, "10", Instant.now());
            batch.add(new ConsumerRecord<>("kit-batch", 0, i, customer, codec.encodeBytes(event)));
        }
        List<List<EventEnvelope<?>>> calls = new ArrayList<>();
        EventHandler handler = committedCallsInto(calls);

        intake.accept("batch-test", batch, handler);
        intake.accept("batch-test", batch, handler);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(200);
        assertThat(calls.get(0).get(0).customerId()).isEqualTo(customer);
        assertThat(processedEvents.isProcessed("batch-test", calls.get(0).get(199).eventId())).isTrue();
    }

    @Test
    void aBatchRepeatingSomeEventsIsAppliedAgainWithTheNewOnesOnly() {
        String customer = TestEvents.newCustomerId();
        List<ConsumerRecord<String, byte[]>> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EventEnvelope<?> event = TestEvents.orderCompleted(customer, "o-" + i, "10", Instant.now());
            first.add(new ConsumerRecord<>("kit-batch", 0, i, customer, codec.encodeBytes(event)));
        }
        EventEnvelope<?> fresh = TestEvents.orderCompleted(customer, "o-new", "10", Instant.now());
        // a redelivery of the second event, then a new one: the first attempt assumes all are new and rolls back
        List<ConsumerRecord<String, byte[]>> second = List.of(first.get(1),
                new ConsumerRecord<>("kit-batch", 0, 3, customer, codec.encodeBytes(fresh)));
        List<List<EventEnvelope<?>>> calls = new ArrayList<>();
        EventHandler handler = committedCallsInto(calls);
        double retriedBefore = retriedBatches("batch-repeat-test");

        intake.accept("batch-repeat-test", first, handler);
        intake.accept("batch-repeat-test", second, handler);

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).hasSize(3);
        assertThat(calls.get(1)).extracting(EventEnvelope::eventId).containsExactly(fresh.eventId());
        assertThat(retriedBatches("batch-repeat-test") - retriedBefore).isEqualTo(1.0);
    }

    private double retriedBatches(String consumer) {
        var counter = registry.find("platform.intake.retried.batches").tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A handler that keeps each call it gets, once its transaction has committed. */
    private EventHandler committedCallsInto(List<List<EventEnvelope<?>>> calls) {
        return new EventHandler() {
            @Override
            public void apply(EventEnvelope<?> event) {
                throw new AssertionError("the intake must hand batches to applyAll");
            }

            @Override
            public void applyAll(List<EventEnvelope<?>> events) {
                List<EventEnvelope<?>> call = List.copyOf(events);
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            calls.add(call);
                        }
                    }
                });
            }
        };
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

    @Test
    void aPartitionCatchingUpOnOldEventsHoldsTheWatermarkUntilItSettles() {
        String customer = TestEvents.newCustomerId();
        Instant old = Instant.parse("2021-06-01T12:00:00Z");
        EventEnvelope<?> event = TestEvents.orderCompleted(customer, "o-old", "10", old);
        intake.accept("positions-test", List.of(new ConsumerRecord<>("kit-positions", 5, 0, customer, codec.encodeBytes(event))),
                new EventHandler() {
                    @Override
                    public void apply(EventEnvelope<?> e) {
                    }
                });

        Instant now = Instant.now();
        assertThat(positions.settledUntil(now, java.time.Duration.ofMinutes(1))).isEqualTo(old);
        Instant later = now.plus(java.time.Duration.ofMinutes(2));
        assertThat(positions.settledUntil(later, java.time.Duration.ofMinutes(1)))
                .as("once the partition has been quiet for a minute it no longer holds the watermark").isEqualTo(later);
    }
}
