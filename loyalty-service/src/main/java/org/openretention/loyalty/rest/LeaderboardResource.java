package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.loyalty.reports.SpendLeaderboards;
import org.openretention.loyalty.rest.dto.SpendLeaderboardView;
import org.openretention.platform.rest.Roles;

/** Leaderboards for marketing. */
@Path("/leaderboards")
@Tag(name = "Reports", description = "Points liability and leaderboards")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    @Inject
    SpendLeaderboards leaderboards;

    @GET
    @Path("/spend")
    @RolesAllowed(Roles.MARKETING)
    @Operation(summary = "Top spenders of a quarter",
            description = "Qualifying spend less refunds of the orders placed in the quarter (programme time zone), best first")
    @APIResponse(responseCode = "200", description = "The quarter's top spenders")
    @APIResponse(responseCode = "400", description = "period is missing or not a quarter like 2026-Q4, or limit is not 1 to 100")
    public SpendLeaderboardView spend(
            @QueryParam("period") @NotNull @Pattern(regexp = SpendLeaderboards.PERIOD_PATTERN, message = "must be a quarter like 2026-Q4")
            @Parameter(description = "the quarter, e.g. 2026-Q4", required = true) String period,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) @Parameter(description = "1 to 100, 10 by default") int limit) {
        return SpendLeaderboardView.of(leaderboards.top(period, limit));
    }
}
