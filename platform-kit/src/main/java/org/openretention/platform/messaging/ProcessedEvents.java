package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The processed-event table of idempotent consumption. Claims are written on the connection of the caller's
 * transaction, so they commit or roll back together with the state change the events cause.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = """
            INSERT INTO platform_processed_event (consumer, event_id)
            SELECT ?, id FROM unnest(?::uuid[]) AS id
            ON CONFLICT DO NOTHING
            RETURNING event_id""";

    private final AgroalDataSource dataSource;

    @Inject
    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that {@code consumer} processes these events, in one round trip. Must run inside a transaction.
     *
     * @return the ids not claimed before, i.e. the events to apply now
     */
    public Set<UUID> claim(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            Array ids = connection.createArrayOf("uuid", eventIds.toArray());
            statement.setString(1, consumer);
            statement.setArray(2, ids);
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed events: " + e.getMessage(), e);
        }
    }

    /** Whether {@code consumer} has already processed the event. */
    public boolean isProcessed(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM platform_processed_event WHERE consumer = ? AND event_id = ?")) {
            statement.setString(1, consumer);
            statement.setObject(2, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
