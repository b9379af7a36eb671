package org.openretention.loyalty.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.loyalty.admin.Adjustments;
import org.openretention.loyalty.rest.dto.AdjustmentRequest;
import org.openretention.loyalty.rest.dto.AdjustmentView;
import org.openretention.loyalty.rest.validation.RequestChecks;
import org.openretention.platform.rest.Roles;

/** Administrators correct members' points by hand; the ledger records who did. */
@Path("/customers/{customerId}/adjustments")
@Tag(name = "Adjustments", description = "Manual corrections of members' points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdjustmentResource {

    @Inject
    Adjustments adjustments;
    @Inject
    SecurityIdentity identity;
    @Inject
    RequestChecks checks;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Credit or debit a member's points",
            description = "A positive adjustment credits a lot that is spendable at once; a negative one takes from the points that "
                    + "expire first and, beyond the available balance, leaves a debt. The caller is recorded as the actor.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    @APIResponse(responseCode = "404", description = "No loyalty member with this id")
    public RestResponse<AdjustmentView> adjust(@PathParam("customerId") String customerId, @NotNull AdjustmentRequest adjustment) {
        checks.of(adjustment).check(adjustment.points() == null || adjustment.points() != 0, "points", "must not be zero").orFail();
        return RestResponse.status(RestResponse.Status.CREATED, AdjustmentView.of(
                adjustments.adjust(customerId, adjustment.points(), adjustment.reason(), identity.getPrincipal().getName())));
    }
}
