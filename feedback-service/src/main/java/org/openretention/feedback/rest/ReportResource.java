package org.openretention.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.feedback.service.ComplaintReports;
import org.openretention.feedback.service.Surveys;
import org.openretention.feedback.store.Complaint;
import org.openretention.feedback.store.CustomerText;
import org.openretention.feedback.store.SurveyResponse;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The complaint reports and one customer's feedback. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Complaint reports and a customer's feedback")
public class ReportResource {

    @Inject
    ComplaintReports reports;
    @Inject
    Surveys surveys;

    @Schema(name = "CustomerText")
    public record TextView(long id, String kind, String sku, String orderId, Short rating, String touchpoint, String text, String language,
                           String sentiment, double score, String aspects, Instant writtenAt, Long complaintId) {
        static TextView of(CustomerText t) {
            return new TextView(t.id, t.kind, t.sku, t.orderId, t.rating, t.touchpoint, t.text, t.language, t.sentiment.name(), t.score,
                    t.aspects, t.writtenAt, t.complaintId);
        }
    }

    @Schema(name = "CustomerFeedback")
    public record CustomerFeedback(String customerId, List<SurveyViews.AnswerView> responses, List<TextView> reviews,
                                   List<ComplaintViews.ComplaintView> complaints) {
    }

    @GET
    @Path("reports/complaints")
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING})
    @Operation(summary = "The open queue by severity and age; SLA compliance, resolution rate and resolution-time percentiles, and root causes by week, of the complaints filed from..to")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "from or to is not yyyy-MM-dd, or to is before from")
    public ComplaintReports.Report complaints(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = SurveyResource.date("to", to, surveys.today());
        LocalDate start = SurveyResource.date("from", from, end.minusDays(29));
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", "must not be before from (" + start + ")");
        }
        return reports.report(start, end);
    }

    @GET
    @Path("customers/{customerId}/feedback")
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "A customer's survey answers, reviews and comments (with sentiment) and complaints, newest first (200 of each at most)")
    @APIResponse(responseCode = "200", description = "The customer's feedback")
    @APIResponse(responseCode = "404", description = "Nothing is known of the customer: no answer, text or complaint")
    public CustomerFeedback customer(@PathParam("customerId") String customerId) {
        List<SurveyViews.AnswerView> answers = SurveyResponse.<SurveyResponse>find("customerId = ?1 order by answeredAt desc, id desc", customerId)
                .page(0, 200).list().stream().map(SurveyViews.AnswerView::of).toList();
        List<TextView> texts = CustomerText.<CustomerText>find("customerId = ?1 order by writtenAt desc, id desc", customerId)
                .page(0, 200).list().stream().map(TextView::of).toList();
        List<ComplaintViews.ComplaintView> complaints = Complaint.<Complaint>find("customerId = ?1 order by filedAt desc, id desc", customerId)
                .page(0, 200).list().stream().map(c -> ComplaintViews.ComplaintView.of(c, false)).toList();
        if (answers.isEmpty() && texts.isEmpty() && complaints.isEmpty()) {
            throw ProblemException.notFound("no feedback from customer " + customerId);
        }
        return new CustomerFeedback(customerId, answers, texts, complaints);
    }
}
