package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * An NPS answer was recorded. Published by feedback-service on {@code feedback-events}; the envelope's
 * {@code customerId} is the customer who answered.
 *
 * @param responseId      the stored answer's id in feedback-service
 * @param score           0 to 10
 * @param category        PROMOTER (9-10), PASSIVE (7-8) or DETRACTOR (0-6)
 * @param orderId         the order the answer is about, if any
 * @param commentSentiment the sentiment of the comment, when there was one (the text itself stays in feedback-service)
 * @param answeredAt      when the customer answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NpsRecorded(
        long responseId,
        int score,
        NpsCategory category,
        String orderId,
        SentimentLabel commentSentiment,
        Instant answeredAt) implements EventPayload {
}
