package org.openretention.loyalty.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A redemption as it was made; a replay with the same Idempotency-Key returns it unchanged.
 *
 * @param couponCode           the coupon issued, for a COUPON reward (else null)
 * @param availablePointsAfter the member's spendable points right after the redemption
 */
public record Redemption(UUID redemptionId, UUID rewardId, long points, String couponCode, long availablePointsAfter,
                         Instant redeemedAt) {
}
