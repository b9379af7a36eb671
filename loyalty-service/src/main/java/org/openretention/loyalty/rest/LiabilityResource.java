package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.loyalty.reports.LiabilityReports;
import org.openretention.loyalty.rest.dto.LiabilityReportView;
import org.openretention.platform.rest.Roles;

/** The programme's points liability, for finance and marketing. */
@Path("/reports")
@Tag(name = "Reports", description = "Points liability and leaderboards")
@Produces(MediaType.APPLICATION_JSON)
public class LiabilityResource {

    @Inject
    LiabilityReports liability;

    @GET
    @Path("/liability")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "The points liability now",
            description = "Outstanding points (available and pending, less debt) with their money value, by tier, and the points expiring within 30 and 90 days")
    public LiabilityReportView liability() {
        return LiabilityReportView.of(liability.current());
    }
}
