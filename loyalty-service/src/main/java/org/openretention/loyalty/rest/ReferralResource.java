package org.openretention.loyalty.rest;

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
import org.openretention.loyalty.reports.ReferralReports;
import org.openretention.loyalty.rest.dto.MemberReferralsView;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

/** A member's referral code and whom it brought in. */
@Path("/customers/{customerId}/referrals")
@Tag(name = "Referrals", description = "Member-get-member referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    @Inject
    ReferralReports referrals;

    @GET
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING})
    @Operation(summary = "A member's referrals as the referrer", description = "Their code, the customers who registered with it and the points it earned")
    @APIResponse(responseCode = "200", description = "The member's referral code, the customers it brought in and the points it earned")
    @APIResponse(responseCode = "404", description = "No loyalty member with this id")
    public MemberReferralsView get(@PathParam("customerId") String customerId) {
        return referrals.of(customerId).map(MemberReferralsView::of).orElseThrow(() -> ProblemException.notFound("no loyalty member " + customerId));
    }
}
