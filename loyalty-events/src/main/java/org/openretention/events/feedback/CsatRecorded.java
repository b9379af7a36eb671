package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A CSAT answer was recorded. Published by feedback-service on {@code feedback-events}; the envelope's
 * {@code customerId} is the customer who answered.
 *
 * @param responseId       the stored answer's id in feedback-service
 * @param score            1 to 5
 * @param satisfied        whether the score is 4 or 5
 * @param touchpoint       what the answer rates (DELIVERY, AFTER_SALES, SUPPORT or the shop's own)
 * @param orderId          the order the answer is about, if any
 * @param commentSentiment the sentiment of the comment, when there was one
 * @param answeredAt       when the customer answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CsatRecorded(
        long responseId,
        int score,
        boolean satisfied,
        String touchpoint,
        String orderId,
        SentimentLabel commentSentiment,
        Instant answeredAt) implements EventPayload {
}
