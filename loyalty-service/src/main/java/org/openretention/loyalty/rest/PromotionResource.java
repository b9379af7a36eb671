package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.loyalty.admin.PromotionAdministration;
import org.openretention.loyalty.admin.PromotionDefinition;
import org.openretention.loyalty.admin.TierAdministration;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.rest.dto.PromotionRequest;
import org.openretention.loyalty.rest.dto.PromotionView;
import org.openretention.loyalty.rest.validation.RequestChecks;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.util.List;
import java.util.UUID;

/** Time-limited points multipliers and bonuses. */
@Path("/promotions")
@Tag(name = "Programme", description = "Tiers, earning rules and promotions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromotionResource {

    @Inject
    PromotionAdministration promotions;
    @Inject
    TierAdministration tiers;
    @Inject
    RequestChecks checks;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a promotion")
    @APIResponse(responseCode = "201", description = "Created; Location names the new promotion")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    public RestResponse<PromotionView> create(@NotNull PromotionRequest promotion, @Context UriInfo uri) {
        PromotionView created = PromotionView.of(promotions.create(checked(promotion)));
        return RestResponse.ResponseBuilder.<PromotionView>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "List promotions", description = "By start; activeOnly=true leaves out deleted ones")
    public List<PromotionView> list(@QueryParam("activeOnly") boolean activeOnly) {
        return promotions.list(activeOnly).stream().map(PromotionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "One promotion")
    @APIResponse(responseCode = "200", description = "The promotion")
    @APIResponse(responseCode = "404", description = "No promotion with this id")
    public PromotionView get(@PathParam("id") UUID id) {
        return promotions.get(id).map(PromotionView::of).orElseThrow(() -> ProblemException.notFound("no promotion " + id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a promotion", description = "Every field is replaced; an absent active flag keeps the promotion's")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    @APIResponse(responseCode = "404", description = "No promotion with this id")
    public PromotionView update(@PathParam("id") UUID id, @NotNull PromotionRequest promotion) {
        return PromotionView.of(promotions.update(id, checked(promotion)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "End a promotion", description = "Deactivates it; points it gave stay")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "404", description = "No promotion with this id")
    public void delete(@PathParam("id") UUID id) {
        promotions.deactivate(id);
    }

    /** Every bad field in one 400: the annotations' checks, the rules between fields and the tiers named. */
    private PromotionDefinition checked(PromotionRequest promotion) {
        promotion.checkAgainst(tiers.list().stream().map(Tier::name).toList(), checks.of(promotion)).orFail();
        return promotion.toDefinition();
    }
}
