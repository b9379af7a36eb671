package org.openretention.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.events.feedback.FeedbackAlert;
import org.openretention.feedback.alert.KeywordWatch;
import org.openretention.feedback.alert.NegativeSpike;
import org.openretention.feedback.service.Alerts;
import org.openretention.feedback.store.Alert;
import org.openretention.feedback.store.AlertRule;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Public-opinion monitoring: the alert rules (admin) and the alerts they raised (docs/feedback.md "Alerts"). */
@Path("/")
@Tag(name = "Alerts", description = "Keyword watch lists, negative-sentiment spikes and the alerts they raise")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    Alerts alerts;
    @Inject
    Clock clock;

    @Schema(name = "AlertRuleBody")
    public record RuleBody(@NotBlank @Size(max = 200) String name,
                           @Schema(description = "KEYWORD or NEGATIVE_SPIKE") @NotBlank String kind,
                           @Schema(description = "KEYWORD: the watched words") List<@NotBlank @Size(max = 200) String> words,
                           @Schema(description = "A SKU or category the texts must be about; absent: every text") @Size(max = 200) String scope,
                           @Schema(description = "NEGATIVE_SPIKE: negative texts in the hour at least (default 5)") Integer minNegatives,
                           @Schema(description = "NEGATIVE_SPIKE: the hour's negative share at least this many times the baseline's (default 2)") Double factor,
                           @Schema(description = "NEGATIVE_SPIKE: and at least this much above it, 0 to 1 (default 0.15)") Double minLift,
                           Boolean enabled) {
    }

    @Schema(name = "AlertRule")
    public record RuleView(long id, String name, FeedbackAlert.Kind kind, List<String> words, String scope, Integer minNegatives,
                           Double factor, Double minLift, boolean enabled, Instant createdAt, Instant updatedAt) {
        static RuleView of(AlertRule r) {
            return new RuleView(r.id, r.name, r.kind, r.kind == FeedbackAlert.Kind.KEYWORD ? r.wordList() : null, r.scope, r.minNegatives,
                    r.factor, r.minLift, r.enabled, r.createdAt, r.updatedAt);
        }
    }

    @Schema(name = "FeedbackAlert")
    public record AlertView(long id, long ruleId, FeedbackAlert.Kind kind, String keyword, String scope, Instant raisedAt,
                            String customerId, Long textId, int occurrences, Long negatives, Long texts, Double share,
                            Double baselineShare, Instant windowStart) {
        static AlertView of(Alert a) {
            return new AlertView(a.id, a.ruleId, a.kind, a.keyword, a.scope, a.raisedAt, a.customerId, a.textId, a.occurrences,
                    a.negatives, a.texts, a.share, a.baselineShare, a.windowStart);
        }
    }

    @GET
    @Path("alerts")
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING})
    @Operation(summary = "The alerts raised, newest first, paged")
    public List<AlertView> alerts(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalidField("size", "must be from 1 to 200");
        }
        return Alert.<Alert>findAll(io.quarkus.panache.common.Sort.descending("raisedAt").and("id", io.quarkus.panache.common.Sort.Direction.Descending))
                .page(page, size).list().stream().map(AlertView::of).toList();
    }

    @GET
    @Path("alert-rules")
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The alert rules")
    public List<RuleView> rules() {
        return AlertRule.<AlertRule>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(RuleView::of).toList();
    }

    @GET
    @Path("alert-rules/{id}")
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One alert rule")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(responseCode = "404", description = "No such rule")
    public RuleView rule(@PathParam("id") long id) {
        return RuleView.of(find(id));
    }

    @POST
    @Path("alert-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add an alert rule")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "409", description = "A rule of that name exists")
    public RestResponse<RuleView> create(@NotNull @Valid RuleBody body) {
        if (AlertRule.count("name", body.name().strip()) > 0) {
            throw ProblemException.conflict("an alert rule named '" + body.name().strip() + "' exists");
        }
        AlertRule r = new AlertRule();
        r.createdAt = clock.instant();
        apply(r, body);
        r.persist();
        alerts.rulesChanged();
        return RestResponse.status(RestResponse.Status.CREATED, RuleView.of(r));
    }

    @PUT
    @Path("alert-rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Replace an alert rule")
    @APIResponse(responseCode = "200", description = "The rule as replaced")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "409", description = "Another rule has that name")
    public RuleView update(@PathParam("id") long id, @NotNull @Valid RuleBody body) {
        AlertRule r = find(id);
        if (AlertRule.count("name = ?1 and id <> ?2", body.name().strip(), id) > 0) {
            throw ProblemException.conflict("another alert rule is named '" + body.name().strip() + "'");
        }
        apply(r, body);
        alerts.rulesChanged();
        return RuleView.of(r);
    }

    @DELETE
    @Path("alert-rules/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Delete an alert rule and its alerts")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such rule")
    public void delete(@PathParam("id") long id) {
        find(id).delete();
        alerts.rulesChanged();
    }

    private void apply(AlertRule r, RuleBody body) {
        FeedbackAlert.Kind kind = ComplaintResource.parse("kind", body.kind(), FeedbackAlert.Kind.class);
        r.name = body.name().strip();
        r.kind = kind;
        r.scope = body.scope() == null || body.scope().isBlank() ? null : body.scope().strip();
        r.enabled = body.enabled() == null || body.enabled();
        r.updatedAt = clock.instant();
        if (kind == FeedbackAlert.Kind.KEYWORD) {
            if (body.words() == null || body.words().isEmpty()) {
                throw ProblemException.invalidField("words", "a KEYWORD rule needs at least one word");
            }
            List<String> words = body.words().stream().map(String::strip).distinct().toList();
            if (words.stream().anyMatch(w -> w.contains("\n"))) {
                throw ProblemException.invalidField("words", "a word is one line");
            }
            try {
                new KeywordWatch(r.name, words, r.scope);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("words", e.getMessage());
            }
            r.words = String.join("\n", words);
            r.minNegatives = null;
            r.factor = null;
            r.minLift = null;
        } else {
            if (body.words() != null && !body.words().isEmpty()) {
                throw ProblemException.invalidField("words", "a NEGATIVE_SPIKE rule has no words");
            }
            NegativeSpike defaults = NegativeSpike.defaults();
            r.minNegatives = body.minNegatives() == null ? defaults.minNegatives() : body.minNegatives();
            r.factor = body.factor() == null ? defaults.factor() : body.factor();
            r.minLift = body.minLift() == null ? defaults.minLift() : body.minLift();
            try {
                new NegativeSpike(r.minNegatives, r.factor, r.minLift);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("minNegatives", e.getMessage());
            }
            r.words = null;
        }
    }

    private static AlertRule find(long id) {
        return AlertRule.<AlertRule>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no alert rule " + id));
    }
}
