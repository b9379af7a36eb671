package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.openretention.loyalty.catalog.Redemptions;
import org.openretention.loyalty.rest.dto.RedemptionRequest;
import org.openretention.loyalty.rest.dto.RedemptionView;
import org.openretention.loyalty.rest.validation.RequestChecks;
import org.openretention.platform.rest.Roles;

/** Support redeems rewards for members; retries are safe with the same Idempotency-Key. */
@Path("/customers/{customerId}/redemptions")
@Tag(name = "Redemptions", description = "Members spend points on rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedemptionResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    @Inject
    Redemptions redemptions;
    @Inject
    RequestChecks checks;

    @POST
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "Redeem a reward for a member",
            description = "Spends the reward's points, takes one from its stock and issues a coupon code for a COUPON reward, "
                    + "all or nothing. Repeating the call with the same Idempotency-Key returns the first result (200) without spending again.")
    @APIResponse(responseCode = "201", description = "Redeemed")
    @APIResponse(responseCode = "200", description = "A replay: the redemption made earlier with this Idempotency-Key")
    @APIResponse(responseCode = "404", description = "Unknown member or reward")
    @APIResponse(responseCode = "409", description = "Reward inactive, outside its validity, above the member's tier, out of stock; "
            + "not enough points; or the key was used for another reward")
    @APIResponse(responseCode = "400", description = "The Idempotency-Key is missing or longer than 200 characters, "
            + "or the body is missing or invalid: errors names each field")
    public RestResponse<RedemptionView> redeem(
            @PathParam("customerId") String customerId,
            @HeaderParam(IDEMPOTENCY_KEY) @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = true,
                    description = "the caller's unique key of this redemption, 1 to 200 characters") String idempotencyKey,
            @NotNull RedemptionRequest redemption) {
        checks.of(redemption)
                .check(idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= MAX_KEY_LENGTH,
                        IDEMPOTENCY_KEY, "is required, 1 to " + MAX_KEY_LENGTH + " characters")
                .orFail();
        Redemptions.Outcome outcome = redemptions.redeem(customerId, idempotencyKey, redemption.reward());
        return RestResponse.status(outcome.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, RedemptionView.of(outcome.redemption()));
    }
}
