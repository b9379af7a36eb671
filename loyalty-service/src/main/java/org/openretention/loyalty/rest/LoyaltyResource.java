package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.loyalty.service.MemberQueries;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

/** A member's points, tier and ledger, for support agents and marketing tools. */
@Path("/customers/{customerId}")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    @Inject
    MemberQueries members;

    @GET
    @Path("/loyalty")
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING})
    @Operation(summary = "Points, tier with its benefits and progress, and points expiring soon")
    @APIResponse(responseCode = "200", description = "The member's points, tier and points expiring soon")
    @APIResponse(responseCode = "404", description = "No loyalty member with this id")
    public LoyaltySummary loyalty(@PathParam("customerId") String customerId) {
        return members.standing(customerId).map(LoyaltySummary::of)
                .orElseThrow(() -> ProblemException.notFound("no loyalty member " + customerId));
    }

    @GET
    @Path("/ledger")
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "The member's ledger entries, newest first")
    @APIResponse(responseCode = "200", description = "A page of the member's ledger entries")
    @APIResponse(responseCode = "400", description = "page is negative or size is not 1 to 500")
    @APIResponse(responseCode = "404", description = "No loyalty member with this id")
    public LedgerPage ledger(@PathParam("customerId") String customerId,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return members.ledger(customerId, page, size).map(ledger -> LedgerPage.of(customerId, page, size, ledger))
                .orElseThrow(() -> ProblemException.notFound("no loyalty member " + customerId));
    }
}
