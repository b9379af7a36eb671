package org.openretention.segmentation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.service.CustomerScoring;
import org.openretention.segmentation.service.ProfileQueries;
import org.openretention.segmentation.service.SegmentQueries;
import org.openretention.segmentation.store.CustomerFeedbackEntity;

/** A customer's profile, for marketing tools and support agents. */
@Path("/customers/{customerId}")
@Tag(name = "Profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    ProfileQueries profiles;
    @Inject
    CustomerScoring scoring;
    @Inject
    SegmentationConfig config;
    @Inject
    SegmentQueries segments;

    @GET
    @Path("/profile")
    @RolesAllowed({Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "The customer's profile: registration, orders and spend, repeat purchases, categories, interactions, "
            + "loyalty tier, the lifecycle stage as of now with its reason, the churn scores and 12-month value by the active model fit, "
            + "the stored segments and what feedback-service reported")
    @APIResponse(responseCode = "200", description = "The customer's profile")
    @APIResponse(responseCode = "404", description = "No profile of this customer: no event of theirs was received, or they were erased")
    public CustomerProfileView profile(@PathParam("customerId") String customerId) {
        return profiles.evaluated(customerId).map(p -> CustomerProfileView.of(p, scoring.score(customerId), config.currency()))
                .map(view -> view.withSegments(segments.ofCustomer(customerId).map(m -> new CustomerProfileView.Segments(
                        m.lifecycleStage(), m.stageSince(), m.recencyDays(), m.frequency(), m.monetary(), m.rfmSegment(),
                        m.r(), m.f(), m.m(), m.tags(), m.churnFlagged(), m.churnRule(), m.probabilityAlive(), m.clv12m(),
                        m.nextPurchaseOn() == null ? null : m.nextPurchaseOn().atStartOfDay(config.timezone()).toInstant(),
                        m.asOf())).orElse(null)))
                .map(view -> view.withFeedback(CustomerFeedbackEntity.<CustomerFeedbackEntity>findByIdOptional(customerId)
                        .map(f -> new CustomerProfileView.Feedback(f.npsScore == null ? null : (int) f.npsScore, f.npsAt,
                                f.csatScore == null ? null : (int) f.csatScore, f.csatTouchpoint, f.csatAt, f.openComplaints))
                        .orElse(null)))
                .orElseThrow(() -> ProblemException.notFound("no profile of customer " + customerId));
    }
}
