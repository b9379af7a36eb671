package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.catalog.Redemption;

import java.time.Instant;
import java.util.UUID;

/**
 * A redemption as it was made; a replay with the same Idempotency-Key returns it unchanged.
 *
 * @param couponCode           the coupon issued, for a COUPON reward
 * @param availablePointsAfter the member's spendable points right after the redemption
 */
@Schema(name = "Redemption")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedemptionView(UUID redemptionId, UUID rewardId, long points, String couponCode, long availablePointsAfter,
                             Instant redeemedAt) {

    public static RedemptionView of(Redemption r) {
        return new RedemptionView(r.redemptionId(), r.rewardId(), r.points(), r.couponCode(), r.availablePointsAfter(), r.redeemedAt());
    }
}
