package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.openretention.platform.config.PlatformConfig;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka in {@code seq} order and marks them sent. Runs on its own thread, woken right after
 * a commit that wrote to the outbox and otherwise every poll interval. A transaction-scoped PostgreSQL advisory
 * lock lets only one instance of the service relay at a time, which keeps each customer's events in order.
 * A row whose send fails keeps {@code sent_at} empty, counts the attempt, records the error, and is sent again
 * later, with backoff; rows behind it wait, so order survives failures too.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('openretention'), hashtext('outbox-relay'))";
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final AgroalDataSource dataSource;
    private final PlatformProducer producer;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    private final Object signal = new Object();
    private volatile boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;
    private Instant nextCleanup = Instant.EPOCH;

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, PlatformProducer producer, PlatformConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("platform.outbox.backlog", this, OutboxRelay::backlog)
                .description("Outbox events not yet sent to Kafka")
                .register(registry);
        if (!config.outbox().relayEnabled()) {
            LOG.info("Outbox relay disabled in this instance");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(config.kafka().sendTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the relay to look for unsent events now. */
    public void wakeUp() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            int sent;
            boolean failed;
            try {
                RelayResult result = relayOnce();
                sent = result.sent();
                failed = result.failed();
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay round failed: %s", e.getMessage());
                sent = 0;
                failed = true;
            }
            if (failed) {
                backoffMs = backoffMs == 0 ? 200 : Math.min(backoffMs * 2, config.outbox().maxBackoff().toMillis());
                sleep(backoffMs, false);
            } else {
                backoffMs = 0;
                if (sent < config.outbox().batchSize()) {
                    sleep(config.outbox().pollInterval().toMillis(), true);
                }
            }
        }
    }

    private void sleep(long millis, boolean wakeable) {
        synchronized (signal) {
            if (wakeable && wakeRequested) {
                wakeRequested = false;
                return;
            }
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            wakeRequested = false;
        }
    }

    record RelayResult(int sent, boolean failed) {
    }

    private record Row(long seq, UUID eventId, String topic, String key, String type, String payload) {
    }

    /** One round: sends up to a batch of unsent events, if this instance holds the relay lock. Visible for tests. */
    RelayResult relayOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection)) {
                    return new RelayResult(0, false);
                }
                cleanupIfDue(connection);
                List<Row> rows = unsent(connection);
                if (rows.isEmpty()) {
                    return new RelayResult(0, false);
                }
                List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    Future<RecordMetadata> send = send(row);
                    sends.add(send);
                    if (send.isDone() && send.state() == Future.State.FAILED) {
                        break; // the broker or topic is unavailable: the rows behind wait for the next round
                    }
                }
                producer.get().flush();
                List<Long> sentSeqs = new ArrayList<>(sends.size());
                for (int i = 0; i < sends.size(); i++) {
                    try {
                        sends.get(i).get(config.kafka().sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
                        sentSeqs.add(rows.get(i).seq());
                    } catch (ExecutionException | TimeoutException e) {
                        String error = e instanceof ExecutionException ? String.valueOf(e.getCause()) : "timed out";
                        markSent(connection, sentSeqs);
                        markFailed(connection, rows.get(i).seq(), error);
                        registry.counter("platform.outbox.failures", "topic", rows.get(i).topic()).increment();
                        LOG.warnf("Outbox event %s (%s) not sent to %s: %s; will retry", rows.get(i).eventId(), rows.get(i).type(), rows.get(i).topic(), error);
                        return new RelayResult(sentSeqs.size(), true);
                    }
                }
                markSent(connection, sentSeqs);
                return new RelayResult(sentSeqs.size(), false);
            }
        });
    }

    private Future<RecordMetadata> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-type", row.type().getBytes(StandardCharsets.UTF_8));
        headers.add("event-id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            return producer.get().send(new ProducerRecord<>(row.topic(), null, row.key(), row.payload().getBytes(StandardCharsets.UTF_8), headers));
        } catch (RuntimeException e) {
            // metadata could not be fetched in time (broker down, topic missing): report it like a failed delivery
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet rs = lock.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private List<Row> unsent(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, event_id, topic, record_key, event_type, payload FROM platform_outbox
                WHERE sent_at IS NULL ORDER BY seq LIMIT ?""")) {
            select.setInt(1, config.outbox().batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return rows;
        }
    }

    private void markSent(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE platform_outbox SET sent_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
        registry.counter("platform.outbox.published").increment(seqs.size());
    }

    private static void markFailed(Connection connection, long seq, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE platform_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            update.setString(1, error);
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private void cleanupIfDue(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM platform_outbox WHERE sent_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.outbox().retention().toSeconds());
            delete.executeUpdate();
        }
    }

    private double backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL");
             ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
