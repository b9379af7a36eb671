package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.util.List;
import java.util.UUID;

/**
 * A customer wrote something strongly negative in public (a review or a comment) or in a survey comment. Published by
 * feedback-service on {@code feedback-events}; the envelope's {@code customerId} is the author. The text itself stays
 * in feedback-service.
 *
 * @param source         REVIEW, COMMENT or SURVEY_COMMENT
 * @param sourceEventId  the event the text came in ({@code InteractionRecorded} or {@code SurveyResponseSubmitted}); absent
 *                       for an answer recorded over the API
 * @param sku            the product the text is about, if known
 * @param orderId        the order the text is about, if known
 * @param rating         a review's rating, 1 to 5
 * @param sentimentScore the text's sentiment, from -1 to 0 (negative)
 * @param language       ZH, EN, MIXED or UNKNOWN
 * @param aspects        the aspects the text talks about, each with its sentiment (may be empty, never null)
 * @param complaintId    the complaint opened from it, when the text crossed the automatic-complaint threshold
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NegativeReviewDetected(
        ComplaintSource source,
        UUID sourceEventId,
        String sku,
        String orderId,
        Integer rating,
        double sentimentScore,
        String language,
        List<AspectSentiment> aspects,
        Long complaintId) implements EventPayload {

    public NegativeReviewDetected {
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
    }
}
