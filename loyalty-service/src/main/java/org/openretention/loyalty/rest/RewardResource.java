package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.openretention.loyalty.catalog.Reward;
import org.openretention.loyalty.catalog.RewardCatalogue;
import org.openretention.loyalty.catalog.RewardRequest;
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

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a reward to the catalogue")
    @APIResponse(responseCode = "201", description = "Created; Location names the new reward")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    public RestResponse<Reward> create(@NotNull @Valid RewardRequest reward, @Context UriInfo uri) {
        Reward created = catalogue.create(reward);
        return RestResponse.ResponseBuilder.<Reward>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "List the catalogue", description = "Oldest first; activeOnly=true leaves out deleted rewards")
    public List<Reward> list(@QueryParam("activeOnly") @Parameter(description = "only rewards not deleted") boolean activeOnly) {
        return catalogue.list(activeOnly);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SUPPORT})
    @Operation(summary = "One reward, deleted ones included")
    @APIResponse(responseCode = "200", description = "The reward")
    @APIResponse(responseCode = "404", description = "No reward with this id")
    public Reward get(@PathParam("id") UUID id) {
        return catalogue.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a reward", description = "Every field is replaced; an absent active flag keeps the reward's")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    @APIResponse(responseCode = "404", description = "No reward with this id")
    public Reward update(@PathParam("id") UUID id, @NotNull @Valid RewardRequest reward) {
        return catalogue.update(id, reward);
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
}
