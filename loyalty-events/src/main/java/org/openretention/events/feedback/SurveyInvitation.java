package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.util.UUID;

/**
 * Ask this customer to answer a survey: for the shop's survey tool or campaign-service to deliver. Published by
 * feedback-service on {@code feedback-events}; the envelope's {@code customerId} is the customer to ask. CSAT follows a
 * touchpoint (a service contact, or an order's delivery); NPS follows an order, at most once per customer in the
 * quiet period; both are sampled, and never sent to a customer with an open complaint.
 *
 * @param invitationId     the invitation's id, to quote back in {@code SurveyResponseSubmitted}
 * @param survey           NPS or CSAT
 * @param touchpoint       CSAT only, required there: the touchpoint to rate
 * @param orderId          the order the invitation follows, if any
 * @param triggerEventId   the event that prompted it ({@code OrderCompleted} or {@code InteractionRecorded})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyInvitation(
        UUID invitationId,
        SurveyKind survey,
        String touchpoint,
        String orderId,
        UUID triggerEventId) implements EventPayload {
}
