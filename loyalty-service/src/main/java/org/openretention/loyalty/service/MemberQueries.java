package org.openretention.loyalty.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.ledger.PointsAccount;
import org.openretention.loyalty.member.MemberSession;
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

/** What the API shows of a member: balances as of now, tier progress, ledger pages. */
@ApplicationScoped
public class MemberQueries {

    public record TierBenefits(BigDecimal earningMultiplier, BigDecimal discountPercent, boolean freeShipping,
                               boolean prioritySupport, long birthdayGiftPoints) {
    }

    public record TierProgress(String currentTier, String nextTier, BigDecimal qualifyingSpend, BigDecimal nextTierSpend,
                               BigDecimal amountNeeded, String currency, Instant requalificationAt) {
    }

    public record ExpiringPoints(long points, Instant expiresAt) {
    }

    public record LoyaltySummary(String customerId, long availablePoints, long pendingPoints, long lifetimePoints, String tier,
                                 TierBenefits tierBenefits, TierProgress tierProgress, ExpiringPoints expiringSoon,
                                 String referralCode, Instant memberSince) {
    }

    public record Entry(long id, String type, long points, String reason, String causeId, Instant occurredAt,
                        Instant availableAt, String actor) {
    }

    public record LedgerPage(String customerId, int page, int size, long totalEntries, List<Entry> entries) {
    }

    private final LoyaltyAccounts accounts;
    private final AgroalDataSource dataSource;

    @Inject
    public MemberQueries(LoyaltyAccounts accounts, AgroalDataSource dataSource) {
        this.accounts = accounts;
        this.dataSource = dataSource;
    }

    public Optional<LoyaltySummary> summary(String customerId) {
        return accounts.read(customerId).map(session -> {
            Instant now = session.account().advancedTo();
            Tier tier = session.tier();
            BigDecimal spend = session.qualifyingSpend(now).setScale(2, RoundingMode.HALF_EVEN);
            Optional<Tier> next = session.programme().tiers().next(tier);
            String currency = session.programme().currency();
            TierProgress progress = new TierProgress(tier.name(), next.map(Tier::name).orElse(null), spend,
                    next.map(Tier::qualifyingSpend).orElse(null),
                    next.map(t -> t.qualifyingSpend().subtract(spend).max(BigDecimal.ZERO)).orElse(BigDecimal.ZERO),
                    currency, session.member().nextRequalificationAt());
            PointsAccount account = session.account();
            ExpiringPoints expiring = account.nextExpiry(now)
                    .filter(e -> !e.expiredAt().isAfter(now.plus(session.programme().expiringNotice()).plus(java.time.Duration.ofDays(60))))
                    .map(e -> new ExpiringPoints(e.points(), e.expiredAt()))
                    .orElse(null);
            return new LoyaltySummary(customerId, account.available(now), account.pending(now), session.member().lifetimePoints(),
                    tier.name(), new TierBenefits(tier.multiplier(), tier.discountPercent(), tier.freeShipping(), tier.prioritySupport(),
                    tier.birthdayGiftPoints()), progress, expiring, session.member().referralCode(), session.member().enrolledAt());
        });
    }

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
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, type, points, reason, cause_id, occurred_at, available_at, actor FROM ledger_entry
                    WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?""")) {
                s.setString(1, customerId);
                s.setInt(2, size);
                s.setLong(3, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                    }
                }
            }
            return Optional.of(new LedgerPage(customerId, page, size, total, entries));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
