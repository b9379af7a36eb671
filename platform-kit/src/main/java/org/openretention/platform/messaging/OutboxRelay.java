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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka in {@code seq} order and deletes them: the outbox holds only events not yet sent.
 * Runs on its own thread, woken right after a commit that wrote to the outbox and otherwise every poll interval, or,
 * after rounds that found nothing, at a pause that doubles up to the idle poll interval.
 *
 * <p>A round is one transaction. It takes a transaction-scoped PostgreSQL advisory lock, so only one instance of
 * the service relays at a time, which keeps each customer's events in order; deletes the oldest rows, up to a
 * batch of events ({@code DELETE ... RETURNING}; a row holds the events of one {@link Outbox#publishAll}); sends them all with the idempotent {@link PlatformProducer} (key = customer
 * id), flushes once, waits for every acknowledgement, and only then commits. If a send fails or times out, the
 * round rolls back, so all its rows are in the outbox again, in their places; the first failed row then counts
 * the attempt and records the error ({@code attempts}, {@code last_error}, in a short transaction of its own) and
 * the relay backs off before the next round. Rows behind a failing one wait, so order survives failures too.
 *
 * <p>Delivery is at least once: rows of a failed round that the broker had already taken are sent again, as is a
 * round whose commit fails after its sends. Consumers recognise a repeated event by its id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /*
     * The oldest rows by the primary key, deleted through it: "seq = ANY (ARRAY (...))" keeps the plan on the index.
     * "seq IN (SELECT ...)" lets the planner pick a hash join over a scan of the whole table, which a queue table
     * full of deleted rows not yet vacuumed makes slow (measured: rounds of several seconds after a burst).
     *
     * A round's statements go out in one round trip, answered in order:
     *   1. the round's commit does not wait for its WAL to reach the disk. Losing a committed deletion in a crash
     *      only means its rows are sent again, which at-least-once delivery allows (consumers de-duplicate by event
     *      id); a round is then one fsync shorter, and so is the wait of the events committed meanwhile.
     *   2. the oldest rows up to a batch of events (a row holds the events of one publishAll, see V0_4), each
     *      deleted only if this transaction holds the relay lock (taken with the first row,
     *      re-entrant for the others), so that one instance relays at a time and each customer's events keep their
     *      order. Another instance's round holds it until that round ends.
     */
    private static final String TAKE = """
            SET LOCAL synchronous_commit TO OFF;
            DELETE FROM platform_outbox WHERE seq = ANY (ARRAY (
                    SELECT seq FROM (SELECT seq, sum(events) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) - events AS before
                                     FROM platform_outbox ORDER BY seq LIMIT ?) AS oldest
                    WHERE before < ?))
                AND pg_try_advisory_xact_lock(hashtext('openretention'), hashtext('outbox-relay'))
            RETURNING seq, payload, topic""";

    private final AgroalDataSource dataSource;
    private final PlatformProducer producer;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    private final Object signal = new Object();
    private volatile boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, PlatformProducer producer, PlatformConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("platform.outbox.backlog", this, OutboxRelay::backlog)
                .description("Events in the outbox, not yet sent to Kafka")
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
        long idleMs = config.outbox().pollInterval().toMillis();
        while (running) {
            int sent;
            boolean failed;
            int rows;
            try {
                RelayResult result = relayOnce();
                sent = result.sent();
                failed = result.failed();
                rows = result.rows();
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay round failed: %s", e.getMessage());
                sent = 0;
                failed = true;
                rows = 0;
            }
            vacuumIfDue(rows);
            if (failed) {
                backoffMs = backoffMs == 0 ? 200 : Math.min(backoffMs * 2, config.outbox().maxBackoff().toMillis());
                sleep(backoffMs, false);
            } else {
                backoffMs = 0;
                idleMs = nextPause(idleMs, sent, config.outbox().pollInterval().toMillis(), config.outbox().idlePollInterval().toMillis());
                if (sent < config.outbox().batchSize()) {
                    sleep(idleMs, true);
                }
            }
        }
    }

    /**
     * The pause before the next look: the poll interval after a round that sent something; after an empty one, the
     * previous pause doubled, at most {@code idleMax} (never less than the poll interval). An idle service looks less
     * and less often (a look is a transaction): 2 a second become one in 5 s. Visible for tests.
     */
    static long nextPause(long previous, int sent, long poll, long idleMax) {
        if (sent > 0) {
            return poll;
        }
        return Math.min(Math.max(previous, poll) * 2, Math.max(poll, idleMax));
    }

    private long deletedSinceVacuum;
    private long lastVacuumNanos = System.nanoTime();

    private void vacuumIfDue(int sent) {
        long every = config.outbox().vacuumAfterRows();
        if (every <= 0) {
            return;
        }
        deletedSinceVacuum += sent;
        if (deletedSinceVacuum >= every && System.nanoTime() - lastVacuumNanos >= config.outbox().vacuumMinInterval().toNanos()) {
            vacuum();
        }
    }

    /**
     * Vacuums the outbox table (outside any transaction, as VACUUM must run), so the next rounds' scans no longer
     * walk the index entries of the rows already sent. Visible for tests.
     */
    boolean vacuum() {
        deletedSinceVacuum = 0;
        lastVacuumNanos = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("VACUUM platform_outbox");
            registry.counter("platform.outbox.vacuums").increment();
            return true;
        } catch (SQLException e) {
            LOG.warnf("Could not vacuum the outbox table: %s", e.getMessage());
            return false;
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

    /** @param sent events sent; @param rows outbox rows deleted */
    record RelayResult(int sent, boolean failed, int rows) {
    }

    /** One event of an outbox row. */
    private record Event(UUID eventId, String key, String type, byte[] json) {
    }

    /** An outbox row: the events of one publishAll, in order. */
    private record Row(long seq, String topic, List<Event> events) {
        UUID eventId() {
            return events.get(0).eventId();
        }

        String type() {
            return events.get(0).type();
        }

        /** Splits the payload's lines (V0_4: id TAB key TAB type TAB json). */
        static Row of(long seq, String topic, String payload) {
            List<Event> events = new ArrayList<>();
            int at = 0;
            while (at < payload.length()) {
                int end = payload.indexOf('\n', at);
                end = end < 0 ? payload.length() : end;
                int t1 = payload.indexOf('\t', at);
                int t2 = payload.indexOf('\t', t1 + 1);
                int t3 = payload.indexOf('\t', t2 + 1);
                if (t1 < 0 || t2 < 0 || t3 < 0 || t3 > end) {
                    throw new IllegalStateException("outbox row " + seq + ": line without its four fields at " + at);
                }
                events.add(new Event(UUID.fromString(payload.substring(at, t1)), Outbox.unescape(payload.substring(t1 + 1, t2)),
                        Outbox.unescape(payload.substring(t2 + 1, t3)), payload.substring(t3 + 1, end).getBytes(StandardCharsets.UTF_8)));
                at = end + 1;
            }
            return new Row(seq, topic, events);
        }
    }

    /** Ends a round whose send failed: the transaction rolls back and every row of the round stays. */
    private static final class SendFailed extends RuntimeException {
        final transient Row row;

        SendFailed(Row row, String error) {
            super(error, null, false, false);
            this.row = row;
        }
    }

    /** One round: sends up to a batch of events, if this instance holds the relay lock. Visible for tests. */
    RelayResult relayOnce() {
        RelayResult round;
        try {
            round = QuarkusTransaction.requiringNew().call(this::relayRound);
        } catch (RuntimeException e) {
            SendFailed failure = sendFailure(e);
            if (failure == null) {
                throw e;
            }
            recordFailure(failure.row, failure.getMessage());
            return new RelayResult(0, true, 0);
        }
        if (round.sent() > 0) {
            registry.counter("platform.outbox.published").increment(round.sent());
        }
        return round;
    }

    /**
     * In the round's transaction: returns how many events and rows were sent, or throws {@link SendFailed} to roll
     * back.
     */
    private RelayResult relayRound() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = take(connection);
            if (rows.isEmpty()) {
                return new RelayResult(0, false, 0);
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            List<Row> sentRows = new ArrayList<>();
            int events = 0;
            sending:
            for (Row row : rows) {
                for (Event event : row.events()) {
                    Future<RecordMetadata> send = send(row.topic(), event);
                    sends.add(send);
                    sentRows.add(row);
                    events++;
                    if (send.isDone() && send.state() == Future.State.FAILED) {
                        break sending; // the broker or topic is unavailable: the round fails, the rows behind need not be tried
                    }
                }
            }
            producer.get().flush();
            // every send completes within the producer's delivery timeout (send timeout + 1 s); this is a backstop
            long deadline = System.nanoTime() + config.kafka().sendTimeout().toNanos() * 2;
            for (int i = 0; i < sends.size(); i++) {
                String error = awaitAck(sends.get(i), deadline);
                if (error != null) {
                    throw new SendFailed(sentRows.get(i), error);
                }
            }
            return new RelayResult(events, false, rows.size());
        }
    }

    private static String awaitAck(Future<RecordMetadata> send, long deadlineNanos) {
        try {
            send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (TimeoutException e) {
            return "timed out";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static SendFailed sendFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailed failed) {
                return failed;
            }
        }
        return null;
    }

    private Future<RecordMetadata> send(String topic, Event event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        headers.add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            return producer.get().send(new ProducerRecord<>(topic, null, event.key(), event.json(), headers));
        } catch (RuntimeException e) {
            // metadata could not be fetched in time (broker down, topic missing): report it like a failed delivery
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * If this instance gets the relay lock, deletes the oldest rows, up to a batch, and returns them in {@code seq}
     * order (RETURNING keeps none); otherwise returns none and deletes nothing.
     */
    private List<Row> take(Connection connection) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setInt(1, config.outbox().batchSize());
            take.setInt(2, config.outbox().batchSize());
            take.execute(); // SET LOCAL: no result set
            take.getMoreResults();
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = take.getResultSet()) {
                while (rs.next()) {
                    rows.add(Row.of(rs.getLong(1), rs.getString(3), rs.getString(2)));
                }
            }
            rows.sort(Comparator.comparingLong(Row::seq));
            return rows;
        }
    }

    /** After the round rolled back: counts the attempt and keeps the error on the row, logs, counts the failure. */
    private void recordFailure(Row row, String error) {
        registry.counter("platform.outbox.failures", "topic", row.topic()).increment();
        LOG.warnf("Outbox row %d (%d events from %s, %s) not sent to %s: %s; will retry", row.seq(), row.events().size(), row.eventId(),
                row.type(), row.topic(), error);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement update = connection.prepareStatement(
                             "UPDATE platform_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
                    update.setString(1, error);
                    update.setLong(2, row.seq());
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the failed attempt of outbox event %s: %s", row.eventId(), e.getMessage());
        }
    }

    private double backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT coalesce(sum(events), 0) FROM platform_outbox");
             ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
