package org.openretention.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One Kafka consumer of one topic for one use case, on a thread of its own: polls, hands each batch to
 * {@link EventIntake}, and commits the offsets of what the intake finished.
 *
 * <p>What it guarantees, whatever fails:
 * <ul>
 *   <li><b>Nothing skipped.</b> Offsets are committed only past records the intake returned from (applied, duplicate or
 *       dead-lettered). If the intake throws (the broker refused a dead-letter, a bug), the consumer seeks back to the
 *       batch's first offsets and tries again after a pause that grows to {@link #MAX_BACKOFF}; the rest of the
 *       service goes on.</li>
 *   <li><b>No channel stops for good.</b> A database outage of any length is waited out inside the intake; a broker
 *       outage only makes polls come back empty and commits fail, both retried; a consumer that was out of the
 *       group for too long (no poll within {@code max.poll.interval.ms}) simply rejoins, and the records it had not
 *       committed come again and are recognised by their event ids.</li>
 *   <li><b>Quick resumption after a restart.</b> The consumer is a static member of its group
 *       ({@code group.instance.id}): an instance restarted under the same id gets its partitions back at once, instead
 *       of after the dead member's session times out and the group rebalances.</li>
 *   <li><b>Little work when idle.</b> After {@code idle-after} without records, a topic fetched with a short
 *       {@code fetch.max.wait.ms} is asked for records only every {@code idle-fetch-interval}, rather than every few
 *       milliseconds; the first record after a quiet spell waits at most that long.</li>
 * </ul>
 * Offsets are committed at most every {@code commit-interval} and whenever partitions are revoked or the consumer
 * stops: after a crash, at most that much input comes again, to be recognised as duplicates.
 */
final class ConsumerLoop implements Runnable {

    enum State { STARTING, POLLING, IDLE, APPLYING, BACKING_OFF, STOPPED, FAILED }

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String useCase;
    private final EventHandler handler;
    private final ConsumerSettings settings;
    private final Map<String, Object> kafka;
    private final EventIntake intake;
    private final MeterRegistry registry;
    private final Duration commitInterval;
    private final Duration idleAfter;
    private final Duration idleFetchInterval;
    private final String name;

    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile State state = State.STARTING;
    private volatile long lag = -1;
    private volatile int partitions;
    private volatile Instant lastPollAt;
    private volatile String lastError;
    private long lastCommitNanos = System.nanoTime();

    ConsumerLoop(String name, String useCase, EventHandler handler, ConsumerSettings settings, Map<String, Object> kafka,
                 EventIntake intake, MeterRegistry registry, Duration commitInterval, Duration idleAfter, Duration idleFetchInterval) {
        this.name = name;
        this.useCase = useCase;
        this.handler = handler;
        this.settings = settings;
        this.kafka = kafka;
        this.intake = intake;
        this.registry = registry;
        this.commitInterval = commitInterval;
        this.idleAfter = idleAfter;
        this.idleFetchInterval = idleFetchInterval;
    }

    record Status(String name, String useCase, String topic, State state, int partitions, Long lag, Instant lastPollAt,
                  String lastError) {
    }

    Status status() {
        long l = lag;
        return new Status(name, useCase, settings.topic(), state, partitions, l < 0 ? null : l, lastPollAt, lastError);
    }

    String useCase() {
        return useCase;
    }

    String topic() {
        return settings.topic();
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        // short fetch waits buy latency under traffic; when nothing comes they would poll the broker all the time
        boolean idleSpacing = !idleFetchInterval.isZero() && settings.fetchMaxWait().compareTo(idleFetchInterval) < 0;
        // one fetch: the broker answers after the fetch wait, or at once when records are there (measured idle CPU
        // of loyalty-service with a probe of several fetches: 6 % of a core, stack-footprint-2026-12-07-kit-consumers)
        Duration probe = settings.fetchMaxWait().plusMillis(5);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
            consumer = c;
            metrics.bindTo(registry);
            c.subscribe(List.of(settings.topic()), new Rebalances(c));
            long lastRecordsNanos = System.nanoTime();
            Duration backoff = MIN_BACKOFF;
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    if (idleSpacing && System.nanoTime() - lastRecordsNanos > idleAfter.toNanos()) {
                        state = State.IDLE;
                        Set<TopicPartition> assigned = c.assignment();
                        c.pause(assigned);
                        records = c.poll(idleFetchInterval); // group work only: heartbeats, rebalances
                        c.resume(c.paused());
                        if (records.isEmpty()) {
                            records = c.poll(probe);
                        }
                    } else {
                        state = State.POLLING;
                        records = c.poll(POLL_TIMEOUT);
                    }
                    lastPollAt = Instant.now();
                } catch (WakeupException | InterruptException e) {
                    break;
                } catch (FencedInstanceIdException e) {
                    lastError = "another consumer took over group.instance.id " + kafka.get("group.instance.id")
                            + ": give each instance its own openretention.instance-id";
                    LOG.error(name + ": " + lastError, e);
                    state = State.FAILED;
                    return;
                } catch (KafkaException e) {
                    lastError = e.toString();
                    LOG.warnf("%s: poll failed (%s); retrying in %d ms", name, e.getMessage(), backoff.toMillis());
                    state = State.BACKING_OFF;
                    if (!pause(backoff)) {
                        break;
                    }
                    backoff = next(backoff);
                    continue;
                }
                updateLag(c);
                if (!records.isEmpty()) {
                    lastRecordsNanos = System.nanoTime();
                    state = State.APPLYING;
                    if (apply(c, records)) {
                        if (lastError != null) {
                            LOG.infof("%s: taking records in again", name);
                        }
                        backoff = MIN_BACKOFF;
                        lastError = null;
                    } else {
                        state = State.BACKING_OFF;
                        if (!pause(backoff)) {
                            break;
                        }
                        backoff = next(backoff);
                    }
                }
                commit(c, false);
            }
            commit(c, true);
            // a static member does not leave its group on close: its partitions wait for it to come back
            c.close(Duration.ofSeconds(5));
            state = State.STOPPED;
        } catch (RuntimeException e) {
            // only the consumer's creation and close get here: bad settings
            lastError = e.toString();
            state = State.FAILED;
            LOG.errorf(e, "%s stopped", name);
        } finally {
            consumer = null;
        }
    }

    /** @return whether the batch was taken in; otherwise the consumer stands at its first records again */
    private boolean apply(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            intake.accept(useCase, batch, handler);
        } catch (RuntimeException | Error e) {
            // an Error too (a handler's assertion, a stack overflow): the consumer's thread would end, and the
            // channel stop for good
            lastError = e.toString();
            LOG.errorf(e, "%s: a batch of %d records could not be taken in; it is read again", name, batch.size());
            registry.counter("platform.intake.failed.batches", "consumer", useCase).increment();
            for (TopicPartition tp : records.partitions()) {
                c.seek(tp, records.records(tp).get(0).offset());
            }
            return false;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> of = records.records(tp);
            pending.put(tp, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
        }
        return true;
    }

    private void commit(KafkaConsumer<String, byte[]> c, boolean now) {
        if (pending.isEmpty() || (!now && System.nanoTime() - lastCommitNanos < commitInterval.toNanos())) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pending);
        pending.clear();
        lastCommitNanos = System.nanoTime();
        try {
            if (now) {
                c.commitSync(offsets, Duration.ofSeconds(5));
            } else {
                c.commitAsync(offsets, (committed, e) -> {
                    if (e != null) {
                        // the records come again after a restart or rebalance and are recognised as duplicates
                        LOG.debugf("%s: commit failed: %s", name, e.getMessage());
                    }
                });
            }
        } catch (KafkaException e) {
            LOG.debugf("%s: commit failed: %s", name, e.getMessage());
        }
    }

    private void updateLag(KafkaConsumer<String, byte[]> c) {
        long sum = 0;
        Set<TopicPartition> assigned = c.assignment();
        for (TopicPartition tp : assigned) {
            OptionalLong l = c.currentLag(tp);
            if (l.isEmpty()) {
                sum = -1;
                break;
            }
            sum += l.getAsLong();
        }
        partitions = assigned.size();
        lag = sum;
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** Commits what was taken in from partitions before they go to another member. */
    private final class Rebalances implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> c;

        Rebalances(KafkaConsumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : revoked) {
                OffsetAndMetadata o = pending.remove(tp);
                if (o != null) {
                    offsets.put(tp, o);
                }
            }
            if (!offsets.isEmpty()) {
                try {
                    c.commitSync(offsets, Duration.ofSeconds(5));
                } catch (KafkaException e) {
                    LOG.debugf("%s: commit on revocation failed: %s", name, e.getMessage());
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            lost.forEach(pending::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // nothing to do: reading starts at the group's committed offsets
        }
    }
}
