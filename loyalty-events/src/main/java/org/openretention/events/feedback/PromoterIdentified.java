package org.openretention.events.feedback;

import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A customer answered NPS with 9 or 10: the trigger of referral invitations; segmentation-service tags them
 * {@code PROMOTER}. Published by feedback-service on {@code feedback-events} with the {@code NpsRecorded} of the same
 * answer; the envelope's {@code customerId} is the customer.
 *
 * @param responseId the stored answer's id in feedback-service
 * @param score      9 or 10
 * @param answeredAt when the customer answered
 */
public record PromoterIdentified(
        long responseId,
        int score,
        Instant answeredAt) implements EventPayload {
}
