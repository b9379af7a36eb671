package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A complaint was resolved. Published by feedback-service on {@code feedback-events}; the envelope's
 * {@code customerId} is the customer. campaign-service delivers the compensation, if any, as an offer.
 *
 * @param complaintId  the complaint's id in feedback-service
 * @param severity     its severity
 * @param rootCause    what it was found to be about
 * @param compensation what the customer is given, if anything
 * @param filedAt      when it was filed
 * @param slaMet       whether the first contact came by its deadline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintResolved(
        long complaintId,
        ComplaintSeverity severity,
        RootCause rootCause,
        Compensation compensation,
        Instant filedAt,
        boolean slaMet) implements EventPayload {
}
