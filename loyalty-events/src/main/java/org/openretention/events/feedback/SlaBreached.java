package org.openretention.events.feedback;

import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A complaint was not contacted by its first-contact deadline. Published once per complaint by feedback-service on
 * {@code feedback-events} (a restart neither loses nor repeats it); the envelope's {@code customerId} is the customer.
 *
 * @param complaintId the complaint's id in feedback-service
 * @param severity    the complaint's severity when the deadline passed
 * @param dueAt       the first-contact deadline that passed
 */
public record SlaBreached(
        long complaintId,
        ComplaintSeverity severity,
        Instant dueAt) implements EventPayload {
}
