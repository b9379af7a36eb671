package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * A member was credited a lot of points. Published by loyalty-service on {@code loyalty-events}; the envelope's
 * {@code customerId} is the member credited.
 *
 * @param lotId       id of the points lot created (a lot is spent and expires as a unit)
 * @param source      coarse origin of the points
 * @param points      points credited, >= 1
 * @param reason      finer-grained, upper-case reason, e.g. {@code ORDER}, {@code CHECK_IN}, {@code REVIEW},
 *                    {@code SHARE}, {@code WELCOME_BONUS}, {@code BIRTHDAY_GIFT}, {@code PROMOTION},
 *                    {@code REFERRAL_REFERRER}, {@code REFERRAL_REFEREE}, {@code ADJUSTMENT}; an open set
 * @param orderId     the order the points were earned with, if any
 * @param availableAt when the points become spendable; equal to the event time when they are available at once
 * @param expiresAt   when the points of this lot expire if not spent
 * @param causeId     id of the event (its {@code eventId}) or request that caused the credit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsEarned(
        UUID lotId,
        PointsSource source,
        long points,
        String reason,
        String orderId,
        Instant availableAt,
        Instant expiresAt,
        String causeId) implements EventPayload {
}
