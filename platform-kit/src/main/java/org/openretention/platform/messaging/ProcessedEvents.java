package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.platform.jdbc.StatementPipeline;

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

    /** Claims the ids not claimed before; its update count says how many. */
    private static final String CLAIM_ALL = """
            INSERT INTO platform_processed_event (consumer, event_id)
            SELECT ?, id FROM unnest(?::uuid[]) AS id
            ON CONFLICT DO NOTHING""";
    /** The same, returning the ids it claimed. */
    private static final String CLAIM = CLAIM_ALL + "\nRETURNING event_id";

    private final AgroalDataSource dataSource;
    private final StatementPipeline pipeline;

    @Inject
    public ProcessedEvents(AgroalDataSource dataSource, StatementPipeline pipeline) {
        this.dataSource = dataSource;
        this.pipeline = pipeline;
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
        // through the pipeline: what the transaction has queued goes first, in the same round trip
        return pipeline.call(CLAIM, p -> p.string(consumer).array("uuid", eventIds.toArray()), s -> {
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        });
    }

    /**
     * Queues the claim of all these events in the transaction's {@link StatementPipeline}, on the assumption that
     * none was processed before: it goes to the database with the transaction's next read, and if any of them was
     * claimed before (or appears twice), that read fails with a {@link RetryBatchException}, which rolls the work
     * back. Saves the round trip of {@link #claim} for the usual batch, which repeats nothing.
     */
    public void claimAllAssumingNew(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        int expected = eventIds.size();
        pipeline.queue(CLAIM_ALL, p -> p.string(consumer).array("uuid", eventIds.toArray()), s -> {
            int claimed = s.getUpdateCount();
            if (claimed != expected) {
                throw new RetryBatchException((expected - claimed) + " of " + expected + " events were processed before", true);
            }
        });
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
