package org.openretention.loyalty.rest;

import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.service.MemberQueries;

import java.math.BigDecimal;
import java.time.Instant;

/** A member's points, tier with its benefits and progress, and points expiring soon, as the API shows them. */
public record LoyaltySummary(String customerId, long availablePoints, long pendingPoints, long lifetimePoints, String tier,
                             TierBenefits tierBenefits, TierProgress tierProgress, ExpiringPoints expiringSoon,
                             String referralCode, Instant memberSince) {

    public record TierBenefits(BigDecimal earningMultiplier, BigDecimal discountPercent, boolean freeShipping,
                               boolean prioritySupport, long birthdayGiftPoints) {
    }

    public record TierProgress(String currentTier, String nextTier, BigDecimal qualifyingSpend, BigDecimal nextTierSpend,
                               BigDecimal amountNeeded, String currency, Instant requalificationAt) {
    }

    public record ExpiringPoints(long points, Instant expiresAt) {
    }

    static LoyaltySummary of(MemberQueries.Standing member) {
        Tier tier = member.tier();
        Tier next = member.nextTier();
        BigDecimal spend = member.qualifyingSpend();
        TierProgress progress = new TierProgress(tier.name(), next == null ? null : next.name(), spend,
                next == null ? null : next.qualifyingSpend(),
                next == null ? BigDecimal.ZERO : next.qualifyingSpend().subtract(spend).max(BigDecimal.ZERO),
                member.currency(), member.requalificationAt());
        ExpiringPoints expiring = member.expiringSoon() == null ? null
                : new ExpiringPoints(member.expiringSoon().points(), member.expiringSoon().expiredAt());
        return new LoyaltySummary(member.customerId(), member.availablePoints(), member.pendingPoints(), member.lifetimePoints(),
                tier.name(), new TierBenefits(tier.multiplier(), tier.discountPercent(), tier.freeShipping(), tier.prioritySupport(),
                tier.birthdayGiftPoints()), progress, expiring, member.referralCode(), member.memberSince());
    }
}
