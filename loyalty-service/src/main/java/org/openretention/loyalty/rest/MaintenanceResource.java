package org.openretention.loyalty.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.loyalty.service.LedgerMaintenance;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Runs the ledger maintenance now, or as of a given instant (for catching up, audits and what-if checks). */
@Path("/ops/ledger-maintenance")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    @Inject
    LedgerMaintenance maintenance;

    @POST
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Release pending points, expire lots, requalify tiers, give birthday gifts, convert referrals and send expiry notices as of asOf (default: now, or as far as all input has been applied while it is catching up)")
    @APIResponse(responseCode = "200", description = "What the run did")
    @APIResponse(responseCode = "400", description = "asOf is not an ISO-8601 instant")
    @APIResponse(responseCode = "409", description = "The maintenance is running already; try again when it has finished")
    public MaintenanceRun run(@QueryParam("asOf") String asOf) {
        Optional<LedgerMaintenance.Run> run;
        if (asOf == null || asOf.isBlank()) {
            run = maintenance.runNow();
        } else {
            Instant at;
            try {
                at = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("asOf", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            }
            run = maintenance.runAsOf(at);
        }
        return run.map(MaintenanceRun::of)
                .orElseThrow(() -> ProblemException.conflict("the ledger maintenance is running already; try again when it has finished"));
    }
}
