package org.openretention.loyalty.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.platform.jdbc.StatementPipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which members time alone changes by a given instant (a release, an expiry or its notice, a requalification, a
 * birthday gift), by the {@code next_due_at} that {@link MemberStore} saves with every member: the maintenance
 * job's query. Infrastructure (JDBC on the transaction's connection of the kit's {@link StatementPipeline}).
 */
@ApplicationScoped
public class DueMembers {

    private final StatementPipeline pipeline;

    @Inject
    public DueMembers(StatementPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Up to {@code limit} members that time alone changes by {@code asOf}, the longest due first. */
    public List<String> dueBy(Instant asOf, int limit) {
        try (Connection c = pipeline.connection();
             PreparedStatement s = c.prepareStatement("SELECT customer_id FROM loyalty_member WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ?")) {
            s.setTimestamp(1, Timestamp.from(asOf));
            s.setInt(2, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
