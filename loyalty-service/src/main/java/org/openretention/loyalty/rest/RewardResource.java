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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.loyalty.admin.TierAdministration;
import org.openretention.loyalty.catalog.RewardCatalogue;
import org.openretention.loyalty.catalog.RewardDefinition;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.rest.dto.RewardRequest;
import org.openretention.loyalty.rest.dto.RewardView;
import org.openretention.loyalty.rest.validation.RequestChecks;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.util.List;
import java.util.UUID;

/** The rewards catalogue: administrators maintain it, marketing reads it. */
@Path("/rewards")
@Tag(name = "Rewards", description = "The rewards catalogue members redeem points from")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RewardResource {

    @Inject
    RewardCatalogue catalogue;
    @Inject
    TierAdministration tiers;
    @Inject
    RequestChecks checks;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a reward to the catalogue")
    @APIResponse(responseCode = "201", description = "Created; Location names the new reward")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    public RestResponse<RewardView> create(@NotNull RewardRequest reward, @Context UriInfo uri) {
        RewardView created = RewardView.of(catalogue.create(checked(reward)));
        return RestResponse.ResponseBuilder.<RewardView>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "List the catalogue", description = "Oldest first; activeOnly=true leaves out deleted rewards")
    public List<RewardView> list(@QueryParam("activeOnly") @Parameter(description = "only rewards not deleted") boolean activeOnly) {
        return catalogue.list(activeOnly).stream().map(RewardView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "One reward, deleted ones included")
    @APIResponse(responseCode = "200", description = "The reward")
    @APIResponse(responseCode = "404", description = "No reward with this id")
    public RewardView get(@PathParam("id") UUID id) {
        return catalogue.get(id).map(RewardView::of).orElseThrow(() -> ProblemException.notFound("no reward " + id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a reward", description = "Every field is replaced; an absent active flag keeps the reward's")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    @APIResponse(responseCode = "404", description = "No reward with this id")
    public RewardView update(@PathParam("id") UUID id, @NotNull RewardRequest reward) {
        return RewardView.of(catalogue.update(id, checked(reward)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take a reward out of the catalogue", description = "Soft delete: the reward stays, inactive, for the redemptions made of it")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "404", description = "No reward with this id")
    public void delete(@PathParam("id") UUID id) {
        catalogue.deactivate(id);
    }

    /** Every bad field in one 400: the annotations' checks, the window and the minimum tier. */
    private RewardDefinition checked(RewardRequest reward) {
        reward.checkAgainst(tiers.list().stream().map(Tier::name).toList(), checks.of(reward)).orFail();
        return reward.toDefinition();
    }
}
