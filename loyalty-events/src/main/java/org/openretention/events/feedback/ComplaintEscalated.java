package org.openretention.events.feedback;

import org.openretention.events.EventPayload;

import java.time.Instant;
import java.util.List;

/**
 * A complaint was escalated to management: at once when it is graded MAJOR (at filing, or regraded to MAJOR).
 * Published by feedback-service on {@code feedback-events}; the envelope's {@code customerId} is the customer.
 *
 * @param complaintId       the complaint's id in feedback-service
 * @param severity          MAJOR
 * @param reasons           why it was graded so (e.g. "safety: 爆炸", "regraded: ..."; at least one)
 * @param firstContactDueAt when support must have contacted the customer
 */
public record ComplaintEscalated(
        long complaintId,
        ComplaintSeverity severity,
        List<String> reasons,
        Instant firstContactDueAt) implements EventPayload {

    public ComplaintEscalated {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
