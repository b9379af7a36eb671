package org.openretention.loyalty.support;

import io.agroal.api.AgroalDataSource;
import org.postgresql.util.PSQLException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Plain JDBC for the API's use cases: a connection of the caller's transaction (if any), SQL errors turned into
 * unchecked exceptions so that {@code @Transactional} rolls back, and a distinct exception for a unique-key clash.
 */
public final class Jdbc {

    private static final String UNIQUE_VIOLATION = "23505";

    private Jdbc() {
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A row clashed with a unique constraint. */
    public static final class DuplicateKeyException extends RuntimeException {
        private final String constraint;

        DuplicateKeyException(String constraint, SQLException cause) {
            super("duplicate key" + (constraint == null ? "" : " (" + constraint + ")"), cause);
            this.constraint = constraint;
        }

        /** The name of the violated constraint, when the database said. */
        public String constraint() {
            return constraint == null ? "" : constraint;
        }
    }

    /** Runs {@code work} on a connection from {@code dataSource}; inside a JTA transaction it joins it. */
    public static <T> T with(AgroalDataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    public static RuntimeException translate(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            String constraint = e instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getConstraint() : null;
            return new DuplicateKeyException(constraint, e);
        }
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Array textArray(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).sorted().toList();
    }
}
