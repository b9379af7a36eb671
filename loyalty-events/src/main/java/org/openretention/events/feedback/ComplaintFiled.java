package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;
import java.util.List;

/**
 * A complaint was opened. Published by feedback-service on {@code feedback-events}; the envelope's {@code customerId}
 * is the customer who complained. campaign-service holds marketing back from a customer with an open MAJOR complaint.
 *
 * @param complaintId       the complaint's id in feedback-service
 * @param severity          NORMAL, URGENT or MAJOR, as graded at filing
 * @param source            MANUAL (support staff) or the kind of text it was opened from
 * @param channel           the channel of a MANUAL complaint (e.g. PHONE, CHAT, EMAIL), if given
 * @param orderId           the order it is about, if any
 * @param aspects           the aspects its text talks about (may be empty, never null)
 * @param firstContactDueAt when support must have contacted the customer (the SLA)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintFiled(
        long complaintId,
        ComplaintSeverity severity,
        ComplaintSource source,
        String channel,
        String orderId,
        List<FeedbackAspect> aspects,
        Instant firstContactDueAt) implements EventPayload {

    public ComplaintFiled {
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
    }
}
