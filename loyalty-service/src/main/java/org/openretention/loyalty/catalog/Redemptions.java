package org.openretention.loyalty.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.exception.ConstraintViolationException;
import org.openretention.events.loyalty.RewardType;
import org.openretention.loyalty.ledger.InsufficientPointsException;
import org.openretention.loyalty.member.MemberSession;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.service.LoyaltyAccounts;
import org.openretention.loyalty.support.ConflictException;
import org.openretention.loyalty.support.NotFoundException;

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
    private final RewardRepository rewards;
    private final RedemptionRepository redemptions;

    @Inject
    public Redemptions(LoyaltyAccounts accounts, RewardRepository rewards, RedemptionRepository redemptions) {
        this.accounts = accounts;
        this.rewards = rewards;
        this.redemptions = redemptions;
    }

    public Outcome redeem(String customerId, String idempotencyKey, UUID rewardId) {
        try {
            return accounts.change(customerId, session -> redeem(session, idempotencyKey, rewardId))
                    .orElseThrow(() -> new NotFoundException("no loyalty member " + customerId));
        } catch (RuntimeException e) {
            if (violatedConstraint(e).contains("idempotency")) {
                // only reachable if the member lock were bypassed: the unique key still guarantees one redemption per key
                throw new ConflictException("a redemption with this Idempotency-Key is being made right now; retry to get its result");
            }
            throw e;
        }
    }

    private Outcome redeem(MemberSession session, String key, UUID rewardId) {
        String customerId = session.member().customerId();
        Optional<Redemption> earlier = redemptions.byKey(customerId, key);
        if (earlier.isPresent()) {
            if (!earlier.get().rewardId().equals(rewardId)) {
                throw new ConflictException("this Idempotency-Key was already used for a redemption of reward " + earlier.get().rewardId()
                        + "; use a new key for another redemption");
            }
            return new Outcome(earlier.get(), false);
        }

        Reward reward = rewards.findByIdOptional(rewardId).map(RewardEntity::toReward).orElseThrow(() -> RewardCatalogue.notFound(rewardId));
        // the ledger keeps microseconds; never before the instant the member was brought to
        Instant now = later(accounts.now().truncatedTo(ChronoUnit.MICROS), session.account().advancedTo());
        if (!reward.active()) {
            throw new ConflictException("reward " + rewardId + " is no longer in the catalogue");
        }
        if (!reward.validAt(now)) {
            throw new ConflictException("reward " + rewardId + " can be redeemed only "
                    + (reward.validFrom() != null ? "from " + reward.validFrom() : "") + (reward.validFrom() != null && reward.validTo() != null ? " " : "")
                    + (reward.validTo() != null ? "until " + reward.validTo() : ""));
        }
        if (reward.minTier() != null) {
            Tier needed = session.programme().tiers().tiers().stream().filter(t -> t.name().equals(reward.minTier())).findFirst()
                    .orElseThrow(() -> new ConflictException("reward " + rewardId + " needs tier " + reward.minTier() + ", which the programme no longer has"));
            Tier held = session.tier();
            if (held.rank() < needed.rank()) {
                throw new ConflictException("reward " + rewardId + " needs tier " + needed.name() + " or better; the member is " + held.name());
            }
        }

        if (reward.stock() != null && reward.stock() == 0) {
            throw outOfStock(rewardId); // the decrement below decides under concurrency; this spares the points work
        }

        UUID redemptionId = UUID.randomUUID();
        String couponCode = reward.type() == RewardType.COUPON ? newCouponCode() : null;
        try {
            session.redeem(redemptionId, reward.pointsCost(), rewardId.toString(), reward.type(), reward.name(), couponCode, now);
        } catch (InsufficientPointsException e) {
            throw new ConflictException("not enough points: needed " + e.requested() + ", available " + e.available());
        }
        if (reward.stock() != null && !rewards.takeOne(rewardId)) {
            throw outOfStock(rewardId);
        }
        RedemptionEntity row = new RedemptionEntity();
        row.id = redemptionId;
        row.customerId = customerId;
        row.idempotencyKey = key;
        row.rewardId = rewardId;
        row.points = reward.pointsCost();
        row.couponCode = couponCode;
        // stored with the database's microsecond precision, so that a replay answers exactly the same
        row.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        row.availablePointsAfter = session.account().available(now);
        // written now, not at commit: a clash of keys must surface here, as the conflict above
        redemptions.persistAndFlush(row);
        return new Outcome(row.toRedemption(), true);
    }

    /** A coupon code no redemption holds yet (the unique constraint on coupon_code backs this check). */
    private String newCouponCode() {
        for (int attempt = 0; attempt < COUPON_ATTEMPTS; attempt++) {
            String code = CouponCodes.next();
            if (!redemptions.couponIssued(code)) {
                return code;
            }
        }
        throw new IllegalStateException("could not find a free coupon code in " + COUPON_ATTEMPTS + " attempts");
    }

    /** The unique constraint a write clashed with, if that is what {@code e} (or a cause of it) says; else "". */
    private static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        return "";
    }

    private static ConflictException outOfStock(UUID rewardId) {
        return new ConflictException("reward " + rewardId + " is out of stock");
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
