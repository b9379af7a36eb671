package org.openretention.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.InvalidEventException;
import org.openretention.platform.config.PlatformConfig;
import org.openretention.platform.jdbc.StatementPipeline;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The way every service takes events in. For a batch of records of one input channel it
 * <ol>
 *   <li>decodes and validates each record; one that is not a valid event goes to the dead-letter topic with the
 *       reason, and the others go on;</li>
 *   <li>in one transaction, claims the event ids in the processed-event table and hands only the events never
 *       applied before to the handler, so a redelivered event changes nothing; the transaction queues its writes
 *       in the {@link StatementPipeline}, so that they cost one round trip to the database. The claim itself is
 *       queued on the assumption that the batch repeats nothing, and goes out with the handler's first read; if
 *       the batch did repeat events, that read fails ({@link RetryBatchException}), the transaction rolls back and
 *       the batch is applied again at once, claiming first. Handlers therefore keep every effect in the
 *       transaction (the outbox for events they publish);</li>
 *   <li>if that transaction fails, applies the events one by one to isolate the culprit: an event the handler
 *       rejects, or one that still fails after the configured attempts, is dead-lettered; a lost database
 *       connection is waited out instead, since dead-lettering everything during an outage would lose order.</li>
 * </ol>
 * Returning normally means every record is either applied, a duplicate, or safe in the dead-letter topic, so the
 * caller may acknowledge the batch.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final Duration MAX_OUTAGE_BACKOFF = Duration.ofSeconds(5);
    /** Batches a consumer claims before applying, after one of its batches repeated events. */
    private static final int CLAIM_FIRST_AFTER_DUPLICATES = 100;

    private final java.util.Map<String, AtomicInteger> claimFirst = new java.util.concurrent.ConcurrentHashMap<>();

    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final DeadLetters deadLetters;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    private final StreamPositions positions;
    private final StatementPipeline pipeline;

    @Inject
    public EventIntake(EventCodec codec, ProcessedEvents processedEvents, DeadLetters deadLetters,
                       PlatformConfig config, MeterRegistry registry, StreamPositions positions, StatementPipeline pipeline) {
        this.codec = codec;
        this.pipeline = pipeline;
        this.processedEvents = processedEvents;
        this.deadLetters = deadLetters;
        this.positions = positions;
        this.config = config;
        this.registry = registry;
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, EventEnvelope<?> event) {
    }

    /**
     * @param consumer name of the consuming use case, unique within the service (idempotency is per consumer)
     */
    public void accept(String consumer, Iterable<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
        Timer.Sample sample = Timer.start(registry);
        List<Decoded> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope<?> event = codec.decode(record.value());
                if (!event.customerId().equals(record.key())) {
                    deadLetters.send(record, "record key " + (record.key() == null ? "is missing" : "'" + record.key() + "'")
                            + " but must be the customerId '" + event.customerId() + "', so that a customer's events stay in order");
                    continue;
                }
                decoded.add(new Decoded(record, event));
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid event: " + e.getMessage());
            }
        }
        if (!decoded.isEmpty()) {
            try {
                try {
                    applyInOneTransaction(consumer, decoded, handler, assumeNew(consumer));
                } catch (RuntimeException e) {
                    RetryBatchException retry = retryCause(e);
                    if (retry == null) {
                        throw e;
                    }
                    // an assumption made to save a round trip did not hold (see RetryBatchException): once more,
                    // claiming first; and after repeated events for a while, as a redelivery comes in runs of batches
                    LOG.debugf("Batch of %d on %s applied again: %s", decoded.size(), consumer, retry.getMessage());
                    if (retry.repeatedEvents()) {
                        claimFirst.computeIfAbsent(consumer, k -> new AtomicInteger()).set(CLAIM_FIRST_AFTER_DUPLICATES);
                    }
                    registry.counter("platform.intake.retried.batches", "consumer", consumer).increment();
                    applyInOneTransaction(consumer, decoded, handler, false);
                }
            } catch (RuntimeException batchFailure) {
                if (decoded.size() > 1) {
                    LOG.debugf(batchFailure, "Batch of %d on %s failed, applying one by one", decoded.size(), consumer);
                }
                for (Decoded single : decoded) {
                    applyWithRetries(consumer, single, handler);
                }
            }
        }
        sample.stop(registry.timer("platform.intake.batch", "consumer", consumer));
    }

    public void accept(String consumer, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        accept(consumer, List.of(record), handler);
    }

    /**
     * Whether the next batch of {@code consumer} may assume its events are all new: yes, unless a batch of the
     * consumer repeated events a short while ago.
     */
    private boolean assumeNew(String consumer) {
        AtomicInteger left = claimFirst.get(consumer);
        return left == null || left.get() <= 0 || left.decrementAndGet() < 0;
    }

    private static RetryBatchException retryCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetryBatchException retry) {
                return retry;
            }
        }
        return null;
    }

    /**
     * @param assumeNew claim the events with the first read of the handler, on the assumption that none is a
     *                  repetition (a {@link RetryBatchException} then says otherwise), instead of before it
     */
    private void applyInOneTransaction(String consumer, List<Decoded> batch, EventHandler handler, boolean assumeNew) {
        int applied = QuarkusTransaction.requiringNew().call(() -> {
            // the writes of the batch go to PostgreSQL together, with the reads that follow them or before commit
            pipeline.open();
            List<UUID> ids = batch.stream().map(d -> d.event().eventId()).toList();
            Set<UUID> fresh;
            if (assumeNew) {
                processedEvents.claimAllAssumingNew(consumer, ids);
                fresh = new java.util.HashSet<>(ids);
            } else {
                fresh = new java.util.HashSet<>(processedEvents.claim(consumer, ids));
            }
            List<EventEnvelope<?>> toApply = new ArrayList<>(fresh.size());
            for (Decoded d : batch) {
                if (fresh.remove(d.event().eventId())) {
                    toApply.add(d.event());
                }
            }
            if (!toApply.isEmpty()) {
                handler.applyAll(toApply);
            }
            java.util.Map<String, java.util.Map<Integer, java.time.Instant>> latest = new java.util.HashMap<>();
            for (Decoded d : batch) {
                latest.computeIfAbsent(d.record().topic(), k -> new java.util.HashMap<>())
                        .merge(d.record().partition(), d.event().occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            positions.advance(consumer, latest);
            pipeline.flush(); // here rather than in the commit, so that a failure reaches the handling below as it is
            return toApply.size();
        });
        registry.counter("platform.events.consumed", "consumer", consumer, "outcome", "applied").increment(applied);
        registry.counter("platform.events.consumed", "consumer", consumer, "outcome", "duplicate").increment(batch.size() - applied);
    }

    private void applyWithRetries(String consumer, Decoded single, EventHandler handler) {
        int attempt = 0;
        long outageWaitMs = config.intake().retryBackoff().toMillis();
        while (true) {
            attempt++;
            try {
                applyInOneTransaction(consumer, List.of(single), handler, false);
                return;
            } catch (RejectedEventException e) {
                deadLetters.send(single.record(), "rejected by " + consumer + ": " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (isConnectionProblem(e)) {
                    LOG.warnf("Database unavailable while applying %s (%s); waiting %d ms", single.event().eventId(), rootMessage(e), outageWaitMs);
                    pause(outageWaitMs);
                    outageWaitMs = Math.min(outageWaitMs * 2, MAX_OUTAGE_BACKOFF.toMillis());
                    attempt = 0;
                    continue;
                }
                if (attempt >= config.intake().maxAttempts()) {
                    LOG.errorf(e, "Giving up on event %s after %d attempts", single.event().eventId(), attempt);
                    deadLetters.send(single.record(), "processing failed after " + attempt + " attempts in " + consumer + ": " + rootMessage(e));
                    return;
                }
                pause(config.intake().retryBackoff().toMillis() * attempt);
            }
        }
    }

    static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                        || String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
