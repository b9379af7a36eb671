package org.openretention.feedback.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.RootCause;
import org.openretention.feedback.complaint.ComplaintStatus;
import org.openretention.feedback.service.Complaints;
import org.openretention.feedback.store.Complaint;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/** Complaints: filed, listed, and moved through their lifecycle by support (docs/feedback.md "Complaints"). */
@Path("/complaints")
@Tag(name = "Complaints", description = "Complaints with severity, first-contact SLAs and an audit trail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPPORT)
public class ComplaintResource {

    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    Complaints complaints;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a complaint heard on any channel; it is graded (severity with reasons) and given its first-contact deadline")
    @APIResponse(responseCode = "201", description = "Filed; MAJOR ones are escalated at once")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid: errors names each field")
    public RestResponse<ComplaintViews.ComplaintView> file(@NotNull @Valid ComplaintRequests.NewComplaint body) {
        Complaint c = complaints.file(new Complaints.Filing(body.customerId().strip(), blankToNull(body.orderId()), blankToNull(body.sku()),
                blankToNull(body.channel()), body.text(), Boolean.TRUE.equals(body.inPublic())), actor());
        return RestResponse.status(RestResponse.Status.CREATED, view(c.id));
    }

    @GET
    @Operation(summary = "The complaints, most pressing first-contact deadline first, paged")
    @APIResponse(responseCode = "200", description = "A page of complaints and how many match")
    @APIResponse(responseCode = "400", description = "status, severity, breached, page or size is invalid")
    public ComplaintViews.Page list(@QueryParam("status") String status, @QueryParam("severity") String severity,
                                    @QueryParam("breached") String breached, @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be from 1 to " + MAX_PAGE_SIZE);
        }
        Boolean breachedFilter = null;
        if (breached != null && !breached.isBlank()) {
            String b = breached.strip().toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false")) {
                throw ProblemException.invalidField("breached", "must be true or false, not '" + breached + "'");
            }
            breachedFilter = Boolean.valueOf(b);
        }
        Complaints.Listing listing = complaints.list(parse("status", status, ComplaintStatus.class),
                parse("severity", severity, ComplaintSeverity.class), breachedFilter, page, size);
        return new ComplaintViews.Page(listing.items().stream().map(c -> ComplaintViews.ComplaintView.of(c, false)).toList(), page, size,
                listing.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A complaint with its audit trail")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public ComplaintViews.ComplaintView get(@PathParam("id") long id) {
        return view(id);
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record the first contact with the customer (OPEN or REOPENED → ACKNOWLEDGED)")
    @APIResponse(responseCode = "409", description = "The complaint is not OPEN or REOPENED")
    @APIResponse(responseCode = "200", description = "The complaint after the step, with its audit trail")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or note is too long")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public ComplaintViews.ComplaintView acknowledge(@PathParam("id") long id, @RequestBody(required = false, description = "Optional: {\"note\": \"...\"}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.Note.class))) String body) {
        return act(id, ComplaintStatus.Action.ACKNOWLEDGE, note(body), null);
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve (ACKNOWLEDGED → RESOLVED) with the root cause and any compensation, which is published for campaigns to deliver")
    @APIResponse(responseCode = "400", description = "rootCause or compensation is missing or invalid")
    @APIResponse(responseCode = "409", description = "The complaint is not ACKNOWLEDGED")
    @APIResponse(responseCode = "200", description = "The complaint after the step, with its audit trail")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public ComplaintViews.ComplaintView resolve(@PathParam("id") long id, @NotNull @Valid ComplaintRequests.Resolve body) {
        RootCause cause = parse("rootCause", body.rootCause(), RootCause.class);
        return act(id, ComplaintStatus.Action.RESOLVE, new ComplaintRequests.Note(body.note()),
                new Complaints.Resolution(cause, compensation(body.compensation())));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Close a resolved complaint (RESOLVED → CLOSED)")
    @APIResponse(responseCode = "409", description = "The complaint is not RESOLVED")
    @APIResponse(responseCode = "200", description = "The complaint after the step, with its audit trail")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or note is too long")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public ComplaintViews.ComplaintView close(@PathParam("id") long id, @RequestBody(required = false, description = "Optional: {\"note\": \"...\"}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.Note.class))) String body) {
        return act(id, ComplaintStatus.Action.CLOSE, note(body), null);
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reopen a resolved or closed complaint (→ REOPENED, to be acknowledged again)")
    @APIResponse(responseCode = "409", description = "The complaint is not RESOLVED or CLOSED")
    @APIResponse(responseCode = "200", description = "The complaint after the step, with its audit trail")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or note is too long")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public ComplaintViews.ComplaintView reopen(@PathParam("id") long id, @RequestBody(required = false, description = "Optional: {\"note\": \"...\"}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.Note.class))) String body) {
        return act(id, ComplaintStatus.Action.REOPEN, note(body), null);
    }

    @POST
    @Path("{id}/regrade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the severity, with the reason; the first-contact deadline moves with it, and MAJOR escalates")
    @APIResponse(responseCode = "400", description = "severity or reason is missing or invalid")
    @APIResponse(responseCode = "409", description = "The complaint is resolved or closed, or has that severity already")
    @APIResponse(responseCode = "200", description = "The complaint after the step, with its audit trail")
    @APIResponse(responseCode = "404", description = "No such complaint")
    public ComplaintViews.ComplaintView regrade(@PathParam("id") long id, @NotNull @Valid ComplaintRequests.Regrade body) {
        complaints.regrade(id, parse("severity", body.severity(), ComplaintSeverity.class), body.reason().strip(), actor());
        return view(id);
    }

    /**
     * The optional body of a step: nothing at all, or {@code {"note": "..."}} (at most 2,000 characters). Read by hand so
     * that a step can be posted without a body or a content type, as {@code curl -X POST} does.
     */
    private ComplaintRequests.Note note(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("note", "the body must be a JSON object such as {\"note\": \"called back\"}");
        }
        if (json == null || !json.isObject() || (json.has("note") && !json.get("note").isNull() && !json.get("note").isTextual())) {
            throw ProblemException.invalidField("note", "must be a string, in a JSON object such as {\"note\": \"called back\"}");
        }
        String note = json.path("note").isTextual() ? json.get("note").asText() : null;
        if (note != null && note.length() > 2000) {
            throw ProblemException.invalidField("note", "must be at most 2,000 characters");
        }
        return new ComplaintRequests.Note(note);
    }

    private ComplaintViews.ComplaintView act(long id, ComplaintStatus.Action action, ComplaintRequests.Note body, Complaints.Resolution resolution) {
        complaints.act(id, action, actor(), body == null ? null : blankToNull(body.note()), resolution);
        return view(id);
    }

    private ComplaintViews.ComplaintView view(long id) {
        return ComplaintViews.ComplaintView.of(complaints.find(id), true);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    static Compensation compensation(ComplaintRequests.CompensationBody body) {
        if (body == null) {
            return null;
        }
        Compensation.Kind kind = parse("compensation.kind", body.kind(), Compensation.Kind.class);
        Long points = body.points();
        BigDecimal amount = body.amount();
        String currency = blankToNull(body.currency());
        switch (kind) {
            case POINTS -> {
                if (points == null || points <= 0) {
                    throw ProblemException.invalidField("compensation.points", "is required for POINTS and must be more than 0");
                }
                if (amount != null || currency != null) {
                    throw ProblemException.invalidField("compensation.amount", "is not given with POINTS");
                }
            }
            case COUPON, REFUND -> {
                if (amount == null || amount.signum() <= 0) {
                    throw ProblemException.invalidField("compensation.amount", "is required for " + kind + " and must be more than 0");
                }
                if (currency == null || !currency.matches("[A-Z]{3}")) {
                    throw ProblemException.invalidField("compensation.currency", "is required with amount: an ISO 4217 code such as CNY");
                }
                if (points != null) {
                    throw ProblemException.invalidField("compensation.points", "is given with POINTS only");
                }
            }
            case GIFT -> {
                if (points != null || amount != null || currency != null) {
                    throw ProblemException.invalidField("compensation.kind", "GIFT takes a description only, no points or amount");
                }
            }
        }
        return new Compensation(kind, points, amount, currency, blankToNull(body.description()));
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
