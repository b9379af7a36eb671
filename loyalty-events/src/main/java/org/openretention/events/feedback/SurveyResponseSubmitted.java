package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.util.UUID;

/**
 * A customer answered a survey: published on the input topic {@code survey-responses} by the shop's survey tool (or
 * its backend); the envelope's {@code customerId} is the customer who answered and {@code occurredAt} when they did.
 *
 * @param survey       NPS or CSAT
 * @param score        0-10 for NPS, 1-5 for CSAT
 * @param touchpoint   CSAT only, required there: what the answer rates, DELIVERY, AFTER_SALES, SUPPORT or a touchpoint
 *                     of the shop's own (upper case, digits and underscores)
 * @param comment      what the customer wrote, if anything (at most 2,000 characters)
 * @param orderId      the order the answer is about, if any
 * @param invitationId the {@code SurveyInvitation} answered, if the answer came from one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyResponseSubmitted(
        SurveyKind survey,
        int score,
        String touchpoint,
        String comment,
        String orderId,
        UUID invitationId) implements EventPayload {
}
