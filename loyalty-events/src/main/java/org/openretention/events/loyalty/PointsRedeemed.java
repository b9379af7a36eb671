package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.util.UUID;

/**
 * A member spent points. Published by loyalty-service on {@code loyalty-events}; the envelope's {@code customerId}
 * is the member whose points were spent.
 *
 * @param redemptionId         id of the redemption; the {@link RewardRedeemed} of the same redemption has the same id
 * @param points               points spent, >= 1
 * @param rewardId             the reward the points were spent on, if any
 * @param availablePointsAfter the member's spendable points after this redemption, >= 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsRedeemed(
        UUID redemptionId,
        long points,
        String rewardId,
        long availablePointsAfter) implements EventPayload {
}
