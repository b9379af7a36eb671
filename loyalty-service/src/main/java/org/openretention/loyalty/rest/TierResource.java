package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.loyalty.admin.TierAdministration;
import org.openretention.loyalty.rest.dto.TierRequest;
import org.openretention.loyalty.rest.dto.TierView;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.util.List;

/** The member tiers of the programme. Changes apply to the next events and requalifications. */
@Path("/tiers")
@Tag(name = "Programme", description = "Tiers, earning rules and promotions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TierResource {

    static final String TIER_NAME = "^[A-Z][A-Z0-9_]*$";

    @Inject
    TierAdministration tiers;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "The tiers, lowest rank first")
    public List<TierView> list() {
        return tiers.list().stream().map(TierView::of).toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "One tier")
    @APIResponse(responseCode = "200", description = "The tier")
    @APIResponse(responseCode = "404", description = "No tier of this name")
    public TierView get(@PathParam("name") String name) {
        return tiers.get(name).map(TierView::of).orElseThrow(() -> ProblemException.notFound("no tier " + name));
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a tier", description = "Ranks are unique: a rank another tier holds is a 409")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "The name is not upper case letters, digits and _ (at most 40), "
            + "or the body is missing or invalid: errors names each field")
    @APIResponse(responseCode = "409", description = "Another tier holds the rank")
    public RestResponse<TierView> put(
            @PathParam("name") @Pattern(regexp = TIER_NAME, message = "must be upper case letters, digits and _, starting with a letter")
            @Size(max = 40) String name,
            @NotNull @Valid TierRequest tier, @Context UriInfo uri) {
        TierAdministration.Upserted result = tiers.upsert(tier.toTier(name));
        TierView view = TierView.of(result.tier());
        return result.created()
                ? RestResponse.ResponseBuilder.<TierView>created(uri.getAbsolutePath()).entity(view).build()
                : RestResponse.ok(view);
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a tier", description = "Not while members hold it or active rewards require it, and never the last tier (409)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No tier of this name")
    @APIResponse(responseCode = "409", description = "Members hold the tier, active rewards require it, or it is the last tier")
    public void delete(@PathParam("name") String name) {
        tiers.delete(name);
    }
}
