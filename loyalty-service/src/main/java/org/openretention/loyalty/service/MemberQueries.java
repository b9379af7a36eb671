package org.openretention.loyalty.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.ledger.EntryType;
import org.openretention.loyalty.ledger.LedgerEntry;
import org.openretention.loyalty.ledger.PointsAccount;
import org.openretention.loyalty.program.Tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the API shows of a member: balances and tier progress as of now, ledger pages. Domain values; the rest
 * layer shapes them for the API.
 */
@ApplicationScoped
public class MemberQueries {

    /**
     * A member brought to now.
     *
     * @param nextTier        the tier above the member's, {@code null} at the top
     * @param qualifyingSpend spend of the last 12 months in the programme's {@code currency}, to the cent
     * @param expiringSoon    the next points to expire, when they expire within the notice period and 60 days more;
     *                        {@code null} otherwise
     */
    public record Standing(String customerId, long availablePoints, long pendingPoints, long lifetimePoints, Tier tier, Tier nextTier,
                           BigDecimal qualifyingSpend, String currency, Instant requalificationAt, PointsAccount.Expiry expiringSoon,
                           String referralCode, Instant memberSince) {
    }

    /** A ledger entry as stored, with its id. */
    public record StoredEntry(long id, LedgerEntry entry) {
    }

    /** A page of a member's ledger, newest first, and how many entries the whole ledger holds. */
    public record LedgerPage(long totalEntries, List<StoredEntry> entries) {
    }

    private final LoyaltyAccounts accounts;
    private final AgroalDataSource dataSource;

    @Inject
    public MemberQueries(LoyaltyAccounts accounts, AgroalDataSource dataSource) {
        this.accounts = accounts;
        this.dataSource = dataSource;
    }

    /** The member brought to now; empty when the programme does not know the customer. */
    public Optional<Standing> standing(String customerId) {
        return accounts.read(customerId).map(session -> {
            Instant now = session.account().advancedTo();
            Tier tier = session.tier();
            PointsAccount account = session.account();
            PointsAccount.Expiry expiring = account.nextExpiry(now)
                    .filter(e -> !e.expiredAt().isAfter(now.plus(session.programme().expiringNotice()).plus(java.time.Duration.ofDays(60))))
                    .orElse(null);
            return new Standing(customerId, account.available(now), account.pending(now), session.member().lifetimePoints(), tier,
                    session.programme().tiers().next(tier).orElse(null), session.qualifyingSpend(now).setScale(2, RoundingMode.HALF_EVEN),
                    session.programme().currency(), session.member().nextRequalificationAt(), expiring, session.member().referralCode(),
                    session.member().enrolledAt());
        });
    }

    /** A page of the member's ledger, newest first; empty when the programme does not know the customer. */
    public Optional<LedgerPage> ledger(String customerId, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT (SELECT count(*) FROM ledger_entry WHERE customer_id = ?), EXISTS (SELECT 1 FROM loyalty_member WHERE customer_id = ?)""")) {
                s.setString(1, customerId);
                s.setString(2, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(2)) {
                        return Optional.empty();
                    }
                    total = rs.getLong(1);
                }
            }
            List<StoredEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, type, points, reason, cause_id, occurred_at, available_at, actor, lot_id FROM ledger_entry
                    WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?""")) {
                s.setString(1, customerId);
                s.setInt(2, size);
                s.setLong(3, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new StoredEntry(rs.getLong(1), new LedgerEntry(customerId, EntryType.valueOf(rs.getString(2)), rs.getLong(3),
                                rs.getString(4), rs.getString(5), rs.getObject(9, UUID.class), rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(7).toInstant(), rs.getString(8))));
                    }
                }
            }
            return Optional.of(new LedgerPage(total, entries));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
