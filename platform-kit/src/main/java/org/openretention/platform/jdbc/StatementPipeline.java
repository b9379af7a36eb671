package org.openretention.platform.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openretention.platform.config.PlatformConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the statements of a transaction in as few round trips as it can. A batch of events used to cost about
 * fifteen round trips to PostgreSQL (a claim, the loads, an UPDATE and a COPY per table, the outbox, the stream
 * positions, the commit), each a wake-up of the server's process and then of ours; on a small batch of a live
 * stream they cost more than the work itself (benchmarks/results).
 *
 * <p>A transaction that {@linkplain #open() opens} the pipeline has its writes {@linkplain #queue queued}: they are
 * sent, in the order queued, together with the next statement that needs an answer ({@link #call}) in one
 * round trip of several statements, or by {@link #flush()}, at the latest just before the transaction commits.
 * PostgreSQL runs them one after the other, and stops at the first error, which then fails the transaction.
 * Rows are {@linkplain #insert inserted} with {@code INSERT ... SELECT FROM unnest(arrays)}, queued like any write,
 * or, above {@code openretention.jdbc.copy-threshold} rows, with {@code COPY} (which takes its own round trips but
 * writes many rows for less).
 *
 * <p>Outside an opened transaction every statement runs at once, as plain JDBC would. Within one, code that
 * reads must read through {@link #call} or {@link #connection()}, which send what is queued first, so that reads
 * see the writes before them.
 */
@ApplicationScoped
public class StatementPipeline {

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(Parameters p) throws SQLException;
    }

    /** Looks at the outcome of a queued statement: the statement stands at its result (update count or rows). */
    @FunctionalInterface
    public interface Check {
        void check(PreparedStatement statement) throws SQLException;

        /** No check. */
        Check NONE = s -> {
        };

        /** The statement must have changed exactly {@code rows} rows. */
        static Check changes(int rows, String what) {
            return s -> {
                int changed = s.getUpdateCount();
                if (changed != rows) {
                    throw new IllegalStateException(what + ": " + changed + " rows changed instead of " + rows);
                }
            };
        }
    }

    /** Reads the results of a statement sent by {@link #call}: the statement stands at its first result. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /** Parameters of a statement, set in order. */
    public static final class Parameters {
        private final Connection connection;
        private final PreparedStatement statement;
        private int next = 1;

        Parameters(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        public Parameters string(String value) throws SQLException {
            statement.setString(next++, value);
            return this;
        }

        public Parameters integer(int value) throws SQLException {
            statement.setInt(next++, value);
            return this;
        }

        public Parameters bigint(long value) throws SQLException {
            statement.setLong(next++, value);
            return this;
        }

        public Parameters timestamp(Instant value) throws SQLException {
            statement.setTimestamp(next++, value == null ? null : Timestamp.from(value));
            return this;
        }

        /** An array parameter of the named PostgreSQL element type ({@code text}, {@code uuid}, {@code varchar}...). */
        public Parameters array(String elementType, Object[] values) throws SQLException {
            statement.setArray(next++, connection.createArrayOf(elementType, values));
            return this;
        }

        /** An array made once, for a statement list that passes the same array several times. */
        public java.sql.Array createArray(String elementType, Object[] values) throws SQLException {
            return connection.createArrayOf(elementType, values);
        }

        public Parameters array(java.sql.Array value) throws SQLException {
            statement.setArray(next++, value);
            return this;
        }

        public Parameters object(Object value) throws SQLException {
            statement.setObject(next++, value);
            return this;
        }
    }

    private record Queued(String sql, Binder binder, Check check) {
    }

    /** The statements a transaction has queued. */
    private static final class Queue {
        final List<Queued> statements = new ArrayList<>();
    }

    private static final Object KEY = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final int copyThreshold;

    @Inject
    public StatementPipeline(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, PlatformConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.copyThreshold = config.jdbc().copyThreshold();
    }

    /**
     * Makes the current transaction queue its writes until it ends; what is still queued is sent just before it
     * commits. Needs an active transaction.
     */
    public void open() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the statement pipeline needs an active transaction");
        }
        if (transactions.getResource(KEY) != null) {
            return;
        }
        Queue queue = new Queue();
        transactions.putResource(KEY, queue);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // called only for a transaction about to commit; a failure here makes it roll back
                if (!queue.statements.isEmpty()) {
                    flush(queue);
                }
            }

            @Override
            public void afterCompletion(int status) {
                queue.statements.clear();
            }
        });
    }

    /** Whether the current transaction queues its writes. */
    public boolean isOpen() {
        return queue() != null;
    }

    /** Queues a write (one statement) in an opened transaction, or runs it now outside one. */
    public void queue(String sql, Binder binder, Check check) {
        Queue queue = queue();
        if (queue == null) {
            call(sql, binder, s -> {
                check.check(s);
                return null;
            });
            return;
        }
        queue.statements.add(new Queued(sql, binder, check));
    }

    /**
     * Sends what is queued and then {@code sql} (one or more statements) in one round trip, and returns what
     * {@code reader} reads from the results of {@code sql}.
     */
    public <T> T call(String sql, Binder binder, Reader<T> reader) {
        Queue queue = queue();
        List<Queued> before = queue == null ? List.of() : List.copyOf(queue.statements);
        if (queue != null) {
            queue.statements.clear();
        }
        try (Connection c = dataSource.getConnection()) {
            return send(c, before, sql, binder, reader);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** Sends what is queued, in one round trip. */
    public void flush() {
        Queue queue = queue();
        if (queue != null && !queue.statements.isEmpty()) {
            flush(queue);
        }
    }

    /**
     * The connection of the current transaction, for statements run directly, after what is queued has been sent.
     * The caller closes it (which leaves the transaction's connection open).
     */
    public Connection connection() throws SQLException {
        flush();
        return dataSource.getConnection();
    }

    /**
     * Inserts the rows: queued as one {@code INSERT ... SELECT FROM unnest(...)}, or, above the COPY threshold, with
     * {@code COPY} now (after what is queued). Does nothing without rows.
     */
    public void insert(TableRows rows) {
        if (rows.size() == 0) {
            return;
        }
        if (rows.size() > copyThreshold) {
            try (Connection c = connection()) {
                rows.copyInto(c);
            } catch (SQLException e) {
                throw new IllegalStateException("could not insert into " + rows.table() + ": " + e.getMessage(), e);
            }
            return;
        }
        int expected = rows.size();
        queue(rows.insertStatement(), rows::bindColumns, Check.changes(expected, "insert into " + rows.table()));
    }

    private void flush(Queue queue) {
        List<Queued> statements = List.copyOf(queue.statements);
        queue.statements.clear();
        Queued last = statements.get(statements.size() - 1);
        try (Connection c = dataSource.getConnection()) {
            send(c, statements.subList(0, statements.size() - 1), last.sql(), last.binder(), s -> {
                last.check().check(s);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    private static <T> T send(Connection c, List<Queued> before, String sql, Binder binder, Reader<T> reader) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (Queued q : before) {
            text.append(q.sql()).append(";\n");
        }
        text.append(sql);
        try (PreparedStatement s = c.prepareStatement(text.toString())) {
            Parameters p = new Parameters(c, s);
            for (Queued q : before) {
                q.binder().bind(p);
            }
            binder.bind(p);
            s.execute();
            for (Queued q : before) {
                q.check().check(s);
                s.getMoreResults();
            }
            return reader.read(s);
        }
    }

    private Queue queue() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        return (Queue) transactions.getResource(KEY);
    }
}
