package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.platform.jdbc.CopyText;
import org.openretention.platform.jdbc.StatementPipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event-time position of every consumed partition, kept by {@link EventIntake} in the same transaction as the
 * events it applies. {@link #settledUntil} is the watermark scheduled rules use: the instant up to which every
 * partition's input has been applied, so that a job evaluating "as of now" never overtakes a partition that is
 * still catching up on older events (a replay of history, a consumer back from an outage).
 */
@ApplicationScoped
public class StreamPositions {

    private final AgroalDataSource dataSource;
    private final StatementPipeline pipeline;

    @Inject
    public StreamPositions(AgroalDataSource dataSource, StatementPipeline pipeline) {
        this.dataSource = dataSource;
        this.pipeline = pipeline;
    }

    /**
     * Records how far {@code consumer} got, per topic-partition; must run in the intake's transaction. Queued in
     * its {@link StatementPipeline}: one statement for all partitions of the batch.
     */
    void advance(String consumer, Map<String, Map<Integer, Instant>> latestByTopicPartition) {
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (var topic : latestByTopicPartition.entrySet()) {
            // sorted, so that concurrent batches lock the rows in the same order
            for (var partition : new TreeMap<>(topic.getValue()).entrySet()) {
                topics.add(topic.getKey());
                partitions.add(partition.getKey());
                times.add(CopyText.timestamptz(partition.getValue()));
            }
        }
        if (topics.isEmpty()) {
            return;
        }
        pipeline.queue(ADVANCE, p -> p.string(consumer).array("varchar", topics.toArray())
                .array("int4", partitions.toArray()).array("text", times.toArray()), StatementPipeline.Check.NONE);
    }

    private static final String ADVANCE = """
            INSERT INTO platform_stream_position (consumer, topic, partition_no, last_event_time, updated_at)
            SELECT ?, u.topic, u.partition_no, u.last_event_time::timestamptz, now()
            FROM unnest(?::varchar[], ?::int4[], ?::text[]) AS u (topic, partition_no, last_event_time)
            ON CONFLICT (consumer, topic, partition_no) DO UPDATE
            SET last_event_time = GREATEST(platform_stream_position.last_event_time, EXCLUDED.last_event_time), updated_at = now()""";

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
