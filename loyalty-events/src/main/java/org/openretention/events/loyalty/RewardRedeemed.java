package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.util.UUID;

/**
 * A member redeemed a reward of the reward catalogue. Published by loyalty-service on {@code loyalty-events};
 * the envelope's {@code customerId} is the member. A reward that costs points is published together with a
 * {@link PointsRedeemed} of the same {@code redemptionId}.
 *
 * @param redemptionId id of the redemption
 * @param rewardId     the reward's id in the catalogue
 * @param rewardName   the reward's display name when it was redeemed
 * @param rewardType   what kind of reward it is
 * @param pointsCost   points the reward cost, >= 0 (0 for a free reward)
 * @param couponCode   the coupon code issued, for a {@link RewardType#COUPON} reward
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RewardRedeemed(
        UUID redemptionId,
        String rewardId,
        String rewardName,
        RewardType rewardType,
        long pointsCost,
        String couponCode) implements EventPayload {
}
