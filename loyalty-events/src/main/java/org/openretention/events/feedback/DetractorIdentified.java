package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A customer answered NPS with 0 to 6: the trigger of service recovery, and a churn signal segmentation-service tags
 * {@code DETRACTOR}. Published by feedback-service on {@code feedback-events} with the {@code NpsRecorded} of the same
 * answer; the envelope's {@code customerId} is the customer.
 *
 * @param responseId       the stored answer's id in feedback-service
 * @param score            0 to 6
 * @param orderId          the order the answer is about, if any
 * @param commentSentiment the sentiment of the comment, when there was one
 * @param answeredAt       when the customer answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DetractorIdentified(
        long responseId,
        int score,
        String orderId,
        SentimentLabel commentSentiment,
        Instant answeredAt) implements EventPayload {
}
