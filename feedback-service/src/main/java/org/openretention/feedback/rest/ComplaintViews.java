package org.openretention.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.RootCause;
import org.openretention.feedback.complaint.ComplaintStatus;
import org.openretention.feedback.store.Complaint;
import org.openretention.feedback.store.ComplaintAudit;

import java.time.Instant;
import java.util.List;

/** What the complaint endpoints answer. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    @Schema(name = "Complaint")
    public record ComplaintView(long id, String customerId, String orderId, String sku, ComplaintSource source, String channel,
                                String text, Double sentimentScore, List<FeedbackAspect> aspects, ComplaintSeverity severity,
                                String severityReasons, ComplaintStatus status, Instant filedAt, Instant firstContactDueAt,
                                Instant firstContactAt, Instant escalatedAt,
                                @Schema(description = "When the first-contact deadline passed without contact; absent while it has not") Instant slaBreachedAt,
                                Instant resolvedAt, Instant closedAt, RootCause rootCause, Compensation compensation,
                                @Schema(description = "The audit trail, oldest first; only on GET /complaints/{id} and after a step") List<Step> history) {
        static ComplaintView of(Complaint c, boolean withHistory) {
            return new ComplaintView(c.id, c.customerId, c.orderId, c.sku, c.source, c.channel, c.text, c.sentimentScore, c.aspectList(),
                    c.severity, c.severityReasons, c.status, c.filedAt, c.firstContactDueAt, c.firstContactAt, c.escalatedAt,
                    c.slaBreachedAt, c.resolvedAt, c.closedAt, c.rootCause, c.compensation(),
                    withHistory ? ComplaintAudit.of(c.id).stream().map(Step::of).toList() : null);
        }
    }

    @Schema(name = "ComplaintStep")
    public record Step(ComplaintAudit.Action action, ComplaintStatus fromStatus, ComplaintStatus toStatus, String actor, Instant at,
                       String note) {
        static Step of(ComplaintAudit a) {
            return new Step(a.action, a.fromStatus, a.toStatus, a.actor, a.at, a.note);
        }
    }

    @Schema(name = "ComplaintPage")
    public record Page(List<ComplaintView> items, int page, int size, long total) {
    }
}
