package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The event-time position of every consumed partition, kept by {@link EventIntake} in the same transaction as the
 * events it applies. {@link #settledUntil} is the watermark scheduled rules use: the instant up to which every
 * partition's input has been applied, so that a job evaluating "as of now" never overtakes a partition that is
 * still catching up on older events (a replay of history, a consumer back from an outage).
 */
@ApplicationScoped
public class StreamPositions {

    private final AgroalDataSource dataSource;

    @Inject
    public StreamPositions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records how far {@code consumer} got, per topic-partition; must run in the intake's transaction. */
    void advance(String consumer, Map<String, Map<Integer, Instant>> latestByTopicPartition) {
        if (latestByTopicPartition.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     INSERT INTO platform_stream_position (consumer, topic, partition_no, last_event_time, updated_at)
                     VALUES (?, ?, ?, ?, now())
                     ON CONFLICT (consumer, topic, partition_no) DO UPDATE
                     SET last_event_time = GREATEST(platform_stream_position.last_event_time, EXCLUDED.last_event_time), updated_at = now()""")) {
            for (var topic : latestByTopicPartition.entrySet()) {
                for (var partition : topic.getValue().entrySet()) {
                    upsert.setString(1, consumer);
                    upsert.setString(2, topic.getKey());
                    upsert.setInt(3, partition.getKey());
                    upsert.setTimestamp(4, Timestamp.from(partition.getValue()));
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record stream positions: " + e.getMessage(), e);
        }
    }

    /**
     * The instant up to which all input is applied, at most {@code now}. A partition that received records within
     * {@code settleAfter} while its events are older than that is still catching up, and holds the watermark at its
     * latest event time; a partition that is live (recent events) or quiet (no records for {@code settleAfter})
     * does not hold it back.
     */
    public Instant settledUntil(Instant now, Duration settleAfter) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT min(last_event_time) FROM platform_stream_position
                     WHERE updated_at >= ? AND last_event_time < ?""")) {
            Timestamp horizon = Timestamp.from(now.minus(settleAfter));
            s.setTimestamp(1, horizon);
            s.setTimestamp(2, horizon);
            try (ResultSet rs = s.executeQuery()) {
                Timestamp behind = rs.next() ? rs.getTimestamp(1) : null;
                return behind == null || behind.toInstant().isAfter(now) ? now : behind.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
