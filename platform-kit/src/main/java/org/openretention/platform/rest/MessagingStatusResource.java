package org.openretention.platform.rest;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What this service has taken in and what it still has to publish: for operators, in every service. */
@Path("/ops/messaging")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class MessagingStatusResource {

    public record ConsumerStatus(String consumer, long eventsApplied, Instant lastAppliedAt) {
    }

    /**
     * The outbox holds only events not yet sent (the relay deletes what it sent): how many, since when, and the
     * error of the first one whose send failed. How many were sent is the {@code platform.outbox.published} counter.
     */
    public record OutboxStatus(long pending, Instant oldestPendingSince, String lastError) {
    }

    public record MessagingStatus(List<ConsumerStatus> consumers, OutboxStatus outbox) {
    }

    @Inject
    AgroalDataSource dataSource;

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Events applied per consumer and the outbox backlog")
    public MessagingStatus status() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<ConsumerStatus> consumers = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT consumer, count(*), max(processed_at) FROM platform_processed_event GROUP BY consumer ORDER BY consumer");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumers.add(new ConsumerStatus(rs.getString(1), rs.getLong(2), instant(rs.getTimestamp(3))));
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT coalesce(sum(events), 0),
                           min(created_at),
                           (SELECT last_error FROM platform_outbox WHERE last_error IS NOT NULL ORDER BY seq LIMIT 1)
                    FROM platform_outbox""");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return new MessagingStatus(consumers, new OutboxStatus(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3)));
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
