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
 * The schedule of referral conversions: referrals whose qualifying order has survived its return window, and
 * their conversion. Infrastructure (JDBC on the transaction's connection of the kit's {@link StatementPipeline},
 * after what the pipeline holds); the maintenance job is its only user. Registrations and qualifying orders
 * schedule a conversion through the member's session, which {@link MemberStore} saves.
 */
@ApplicationScoped
public class ReferralConversions {

    private static final String DUE = "SELECT " + MemberRows.REFERRAL
            + "\nFROM referral WHERE status = 'INVITED' AND converts_at <= ? AND referrer_id IS NOT NULL"
            + "\nORDER BY converts_at LIMIT ? FOR UPDATE SKIP LOCKED";

    private final StatementPipeline pipeline;

    @Inject
    public ReferralConversions(StatementPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Referrals whose qualifying order has survived its return window by {@code asOf}, oldest first, locked. */
    public List<Referral> due(Instant asOf, int limit) {
        try (Connection c = pipeline.connection();
             PreparedStatement s = c.prepareStatement(DUE)) {
            s.setTimestamp(1, Timestamp.from(asOf));
            s.setInt(2, limit);
            List<Referral> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(MemberRows.referral(rs));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks a referral converted (the sessions of both members are saved separately). */
    public void markConverted(Referral r) {
        r.status = Referral.Status.CONVERTED;
        r.convertedAt = r.convertsAt;
        try (Connection c = pipeline.connection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE referral SET status = 'CONVERTED', converted_at = ?, referrer_points = ?, referee_points = ? WHERE referee_id = ?")) {
            s.setTimestamp(1, Timestamp.from(r.convertedAt));
            s.setLong(2, r.referrerPoints);
            s.setLong(3, r.refereePoints);
            s.setString(4, r.refereeId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
