package org.openretention.platform.rest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.events.Topics;
import org.openretention.platform.messaging.EventConsumers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What this service has taken in and what it still has to publish: for operators, in every service. */
@Path("/ops/messaging")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class MessagingStatusResource {

    /**
     * A use case's intake: events applied (all instances, from the processed-event table), and for the partitions
     * this instance holds, per topic, how many records are behind the end of the partition ({@code lag}, null until
     * known) and what its consumers are doing.
     */
    public record ConsumerStatus(String consumer, long eventsApplied, Instant lastAppliedAt, Long lag,
                                 List<EventConsumers.TopicStatus> topics) {
    }

    /** Records of an input topic this instance sent to {@code <topic>.dlq} since it started. */
    public record DeadLetterCount(String topic, long count) {
    }

    /**
     * The outbox holds only events not yet sent (the relay deletes what it sent): how many, since when, and the
     * error of the first one whose send failed. How many were sent is the {@code platform.outbox.published} counter.
     */
    public record OutboxStatus(long pending, Instant oldestPendingSince, String lastError) {
    }

    public record MessagingStatus(List<ConsumerStatus> consumers, List<DeadLetterCount> deadLetters, OutboxStatus outbox) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventConsumers eventConsumers;
    @Inject
    MeterRegistry registry;

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Events applied and lag per consumer, dead-lettered records and the outbox backlog")
    public MessagingStatus status() throws SQLException {
        Map<String, List<EventConsumers.TopicStatus>> running = eventConsumers.status();
        try (Connection c = dataSource.getConnection()) {
            Map<String, ConsumerStatus> consumers = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT consumer, count(*), max(processed_at) FROM platform_processed_event GROUP BY consumer ORDER BY consumer");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String consumer = rs.getString(1);
                    List<EventConsumers.TopicStatus> topics = running.getOrDefault(consumer, List.of());
                    consumers.put(consumer, new ConsumerStatus(consumer, rs.getLong(2), instant(rs.getTimestamp(3)), lag(topics), topics));
                }
            }
            running.forEach((consumer, topics) ->
                    consumers.putIfAbsent(consumer, new ConsumerStatus(consumer, 0, null, lag(topics), topics)));
            List<DeadLetterCount> deadLetters = registry.find("platform.events.dead.lettered").counters().stream()
                    .map(counter -> new DeadLetterCount(Topics.deadLetterTopicOf(counter.getId().getTag("topic")), (long) counter.count()))
                    .sorted(java.util.Comparator.comparing(DeadLetterCount::topic))
                    .toList();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT coalesce(sum(events), 0),
                           min(created_at),
                           (SELECT last_error FROM platform_outbox WHERE last_error IS NOT NULL ORDER BY seq LIMIT 1)
                    FROM platform_outbox""");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return new MessagingStatus(List.copyOf(consumers.values()), deadLetters, new OutboxStatus(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3)));
            }
        }
    }

    private static Long lag(List<EventConsumers.TopicStatus> topics) {
        if (topics.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (EventConsumers.TopicStatus t : topics) {
            if (t.lag() == null) {
                return null;
            }
            sum += t.lag();
        }
        return sum;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
