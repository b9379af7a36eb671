package org.openretention.loyalty.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.loyalty.RewardType;
import org.openretention.loyalty.ledger.InsufficientPointsException;
import org.openretention.loyalty.member.MemberSession;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.service.LoyaltyAccounts;
import org.openretention.loyalty.support.Jdbc;
import org.openretention.platform.rest.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Members spend points on rewards. One redemption is one transaction (the member's, from {@link LoyaltyAccounts}):
 * the idempotency check, the stock decrement, the points spent with their events in the outbox, and the stored
 * redemption all commit together or not at all. The member's advisory lock, taken when the member is loaded,
 * serialises requests of the same customer, so a replayed Idempotency-Key always finds the first call's result.
 */
@ApplicationScoped
public class Redemptions {

    /** A redemption and whether this call made it (false: a replay of an earlier call with the same key). */
    public record Outcome(Redemption redemption, boolean created) {
    }

    private static final int COUPON_ATTEMPTS = 5;

    private final LoyaltyAccounts accounts;
    private final AgroalDataSource dataSource;

    @Inject
    public Redemptions(LoyaltyAccounts accounts, AgroalDataSource dataSource) {
        this.accounts = accounts;
        this.dataSource = dataSource;
    }

    public Outcome redeem(String customerId, String idempotencyKey, UUID rewardId) {
        try {
            return accounts.change(customerId, session -> Jdbc.with(dataSource, c -> redeem(c, session, idempotencyKey, rewardId)))
                    .orElseThrow(() -> ProblemException.notFound("no loyalty member " + customerId));
        } catch (Jdbc.DuplicateKeyException e) {
            if (e.constraint().contains("idempotency")) {
                // only reachable if the member lock were bypassed: the unique key still guarantees one redemption per key
                throw ProblemException.conflict("a redemption with this Idempotency-Key is being made right now; retry to get its result");
            }
            throw e;
        }
    }

    private Outcome redeem(Connection c, MemberSession session, String key, UUID rewardId) throws SQLException {
        String customerId = session.member().customerId();
        Optional<Redemption> earlier = byKey(c, customerId, key);
        if (earlier.isPresent()) {
            if (!earlier.get().rewardId().equals(rewardId)) {
                throw ProblemException.conflict("this Idempotency-Key was already used for a redemption of reward " + earlier.get().rewardId()
                        + "; use a new key for another redemption");
            }
            return new Outcome(earlier.get(), false);
        }

        Reward reward = RewardCatalogue.find(c, rewardId).orElseThrow(() -> RewardCatalogue.notFound(rewardId));
        // the ledger keeps microseconds; never before the instant the member was brought to
        Instant now = later(accounts.now().truncatedTo(ChronoUnit.MICROS), session.account().advancedTo());
        if (!reward.active()) {
            throw ProblemException.conflict("reward " + rewardId + " is no longer in the catalogue");
        }
        if (!reward.validAt(now)) {
            throw ProblemException.conflict("reward " + rewardId + " can be redeemed only "
                    + (reward.validFrom() != null ? "from " + reward.validFrom() : "") + (reward.validFrom() != null && reward.validTo() != null ? " " : "")
                    + (reward.validTo() != null ? "until " + reward.validTo() : ""));
        }
        if (reward.minTier() != null) {
            Tier needed = session.programme().tiers().tiers().stream().filter(t -> t.name().equals(reward.minTier())).findFirst()
                    .orElseThrow(() -> ProblemException.conflict("reward " + rewardId + " needs tier " + reward.minTier() + ", which the programme no longer has"));
            Tier held = session.tier();
            if (held.rank() < needed.rank()) {
                throw ProblemException.conflict("reward " + rewardId + " needs tier " + needed.name() + " or better; the member is " + held.name());
            }
        }

        if (reward.stock() != null && reward.stock() == 0) {
            throw outOfStock(rewardId); // the decrement below decides under concurrency; this spares the points work
        }

        UUID redemptionId = UUID.randomUUID();
        String couponCode = reward.type() == RewardType.COUPON ? newCouponCode(c) : null;
        try {
            session.redeem(redemptionId, reward.pointsCost(), rewardId.toString(), reward.type(), reward.name(), couponCode, now);
        } catch (InsufficientPointsException e) {
            throw ProblemException.conflict("not enough points: needed " + e.requested() + ", available " + e.available());
        }
        if (reward.stock() != null) {
            try (PreparedStatement s = c.prepareStatement("UPDATE reward SET stock = stock - 1 WHERE id = ? AND stock > 0")) {
                s.setObject(1, rewardId);
                if (s.executeUpdate() == 0) {
                    throw outOfStock(rewardId);
                }
            }
        }
        // stored with the database's microsecond precision, so that a replay answers exactly the same
        Instant redeemedAt = now.truncatedTo(ChronoUnit.MICROS);
        Redemption redemption = new Redemption(redemptionId, rewardId, reward.pointsCost(), couponCode, session.account().available(now), redeemedAt);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO redemption (id, customer_id, idempotency_key, reward_id, points, coupon_code, created_at, available_points_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, redemptionId);
            s.setString(2, customerId);
            s.setString(3, key);
            s.setObject(4, rewardId);
            s.setLong(5, redemption.points());
            s.setString(6, couponCode);
            s.setTimestamp(7, Jdbc.timestamp(redeemedAt));
            s.setLong(8, redemption.availablePointsAfter());
            s.executeUpdate();
        }
        return new Outcome(redemption, true);
    }

    private static Optional<Redemption> byKey(Connection c, String customerId, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, reward_id, points, coupon_code, available_points_after, created_at
                FROM redemption WHERE customer_id = ? AND idempotency_key = ?""")) {
            s.setString(1, customerId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Redemption(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4),
                                rs.getLong(5), Jdbc.instant(rs, 6)))
                        : Optional.empty();
            }
        }
    }

    /** A coupon code no redemption holds yet (the unique constraint on coupon_code backs this check). */
    private static String newCouponCode(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM redemption WHERE coupon_code = ?")) {
            for (int attempt = 0; attempt < COUPON_ATTEMPTS; attempt++) {
                String code = CouponCodes.next();
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return code;
                    }
                }
            }
        }
        throw new IllegalStateException("could not find a free coupon code in " + COUPON_ATTEMPTS + " attempts");
    }

    private static ProblemException outOfStock(UUID rewardId) {
        return ProblemException.conflict("reward " + rewardId + " is out of stock");
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
