package org.openretention.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.feedback.service.Surveys;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** NPS and CSAT answers in, reports out (docs/feedback.md "NPS and CSAT"). */
@Path("/")
@Tag(name = "Surveys", description = "NPS and CSAT answers and reports")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    @Inject
    Surveys surveys;

    @POST
    @Path("surveys/nps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "Record an NPS answer (0 to 10) with its optional comment, whose sentiment is read")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    public RestResponse<SurveyViews.AnswerView> nps(@NotNull @Valid SurveyRequests.NpsAnswer answer) {
        return RestResponse.status(RestResponse.Status.CREATED, SurveyViews.AnswerView.of(surveys.recordNps(answer.customerId(),
                answer.score(), answer.comment(), answer.orderId(), instant("answeredAt", answer.answeredAt()), null)));
    }

    @POST
    @Path("surveys/csat")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "Record a CSAT answer (1 to 5) after a touchpoint, with its optional comment")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    public RestResponse<SurveyViews.AnswerView> csat(@NotNull @Valid SurveyRequests.CsatAnswer answer) {
        return RestResponse.status(RestResponse.Status.CREATED, SurveyViews.AnswerView.of(surveys.recordCsat(answer.customerId(),
                answer.score(), answer.touchpoint().strip().toUpperCase(Locale.ROOT), answer.comment(), answer.orderId(), instant("answeredAt", answer.answeredAt()), null)));
    }

    @GET
    @Path("metrics/nps")
    @RolesAllowed({Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "NPS with its 95 % interval, by day, week or month of the shop's calendar, by the customers' lifecycle stage or loyalty tier when they answered, or over the whole span")
    @APIResponse(responseCode = "200", description = "The groups, oldest first; a group has answers")
    @APIResponse(responseCode = "400", description = "from or to is not yyyy-MM-dd, to is before from, or groupBy is not day, week, month, stage, tier or none")
    public SurveyViews.NpsReport npsReport(
            @Parameter(description = "First day, yyyy-MM-dd in the shop's zone (default: 29 days before to)") @QueryParam("from") String from,
            @Parameter(description = "Last day, included (default: today)") @QueryParam("to") String to,
            @Parameter(description = "day, week, month, stage, tier or none (default: none)") @QueryParam("groupBy") String groupBy) {
        Span span = span(from, to);
        Grouping g = grouping(groupBy, false);
        return new SurveyViews.NpsReport(span.from(), span.to(), g.period(), g.by(),
                surveys.nps(span.from(), span.to(), g.period(), g.by()).stream().map(n -> SurveyViews.NpsRow.of(n, g.by())).toList());
    }

    @GET
    @Path("metrics/csat")
    @RolesAllowed({Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "CSAT with its 95 % interval, by day, week or month of the shop's calendar, by touchpoint, by the customers' lifecycle stage or loyalty tier when they answered, or over the whole span")
    @APIResponse(responseCode = "200", description = "The groups, oldest first; a group has answers")
    @APIResponse(responseCode = "400", description = "from or to is not yyyy-MM-dd, to is before from, or groupBy is not day, week, month, touchpoint, stage, tier or none")
    public SurveyViews.CsatReport csatReport(
            @Parameter(description = "First day, yyyy-MM-dd in the shop's zone (default: 29 days before to)") @QueryParam("from") String from,
            @Parameter(description = "Last day, included (default: today)") @QueryParam("to") String to,
            @Parameter(description = "day, week, month, touchpoint, stage, tier or none (default: none)") @QueryParam("groupBy") String groupBy) {
        Span span = span(from, to);
        Grouping g = grouping(groupBy, true);
        return new SurveyViews.CsatReport(span.from(), span.to(), g.period(), g.by() == Surveys.Dimension.TOUCHPOINT, g.by(),
                surveys.csat(span.from(), span.to(), g.period(), g.by()).stream().map(c -> SurveyViews.CsatRow.of(c, g.by())).toList());
    }

    /** A report's grouping: a period of the calendar, or one other dimension over the whole span. */
    private record Grouping(Surveys.Period period, Surveys.Dimension by) {
    }

    private static Grouping grouping(String value, boolean csat) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "stage" -> {
                return new Grouping(Surveys.Period.NONE, Surveys.Dimension.STAGE);
            }
            case "tier" -> {
                return new Grouping(Surveys.Period.NONE, Surveys.Dimension.TIER);
            }
            case "touchpoint" -> {
                if (csat) {
                    return new Grouping(Surveys.Period.NONE, Surveys.Dimension.TOUCHPOINT);
                }
            }
            default -> {
                try {
                    return new Grouping(v.isEmpty() ? Surveys.Period.NONE : Surveys.Period.valueOf(v.toUpperCase(Locale.ROOT)), Surveys.Dimension.NONE);
                } catch (IllegalArgumentException e) {
                    // below
                }
            }
        }
        throw ProblemException.invalidField("groupBy", "must be day, week, month, " + (csat ? "touchpoint, " : "") + "stage, tier or none, not '"
                + value + "'");
    }

    /** The days a report covers, both included. */
    private record Span(LocalDate from, LocalDate to) {
    }

    /** The span of the parameters: by default the 30 days up to today in the shop's zone. */
    private Span span(String from, String to) {
        LocalDate end = date("to", to, surveys.today());
        LocalDate start = date("from", from, end.minusDays(29));
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", "must not be before from (" + start + ")");
        }
        return new Span(start, end);
    }

    static LocalDate date(String parameter, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be a date yyyy-MM-dd such as 2026-11-30, not '" + value + "'");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-30T08:15:00Z, not '" + value + "'");
        }
    }
}
