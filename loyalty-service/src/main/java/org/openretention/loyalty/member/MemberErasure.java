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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Forgets members: deletes every row about one, keeps anonymous totals and the keyed hash of their id on the
 * erased list, and tells which hashes are on that list. Infrastructure (JDBC on the transaction's connection of the
 * kit's {@link StatementPipeline}, after what the pipeline holds, so the deletes follow the batch's queued writes);
 * the hashing is the caller's (service/Erasures).
 */
@ApplicationScoped
public class MemberErasure {

    private final StatementPipeline pipeline;
    private final MemberCache cache;

    @Inject
    public MemberErasure(StatementPipeline pipeline, MemberCache cache) {
        this.pipeline = pipeline;
        this.cache = cache;
    }

    /** Which of the keyed hashes of customer ids are on the erased list. */
    public Set<String> erased(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        try (Connection c = pipeline.connection();
             PreparedStatement s = c.prepareStatement("SELECT customer_hash FROM erased_customer WHERE customer_hash = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", hashes.toArray()));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets a member: deletes every row about them, keeps anonymous totals and the keyed hash of their id, so
     * that events arriving later for them are ignored.
     */
    public void erase(String customerId, String customerHash, Instant at) {
        cache.forget(customerId);
        try (Connection c = pipeline.connection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO erased_member_totals (id, erased_at, tier, lifetime_points, forfeited_points)
                    SELECT ?, ?, m.tier, m.lifetime_points,
                           COALESCE((SELECT sum(remaining) FROM points_lot l WHERE l.customer_id = m.customer_id), 0) - m.debt
                    FROM loyalty_member m WHERE m.customer_id = ?""")) {
                s.setObject(1, UUID.randomUUID());
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, customerId);
                s.executeUpdate();
            }
            for (String sql : List.of(
                    "DELETE FROM ledger_entry WHERE customer_id = ?",
                    "DELETE FROM points_lot WHERE customer_id = ?",
                    "DELETE FROM loyalty_order WHERE customer_id = ?",
                    "DELETE FROM daily_activity WHERE customer_id = ?",
                    "DELETE FROM referral WHERE referee_id = ?",
                    "UPDATE referral SET referrer_id = NULL WHERE referrer_id = ?",
                    "DELETE FROM redemption WHERE customer_id = ?",
                    "DELETE FROM loyalty_member WHERE customer_id = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, customerId);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO erased_customer (customer_hash, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, customerHash);
                s.setTimestamp(2, Timestamp.from(at));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase a member: " + e.getMessage(), e);
        }
    }
}
