package org.openretention.loyalty.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.loyalty.admin.EarningRulesAdministration;
import org.openretention.loyalty.rest.dto.EarningRulesRequest;
import org.openretention.loyalty.rest.dto.EarningRulesView;
import org.openretention.platform.rest.Roles;

/** How many points spend, interactions and referrals earn. */
@Path("/earning-rules")
@Tag(name = "Programme", description = "Tiers, earning rules and promotions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EarningRulesResource {

    @Inject
    EarningRulesAdministration rules;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "The earning rules, with who changed them last and when")
    public EarningRulesView get() {
        return EarningRulesView.of(rules.get());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the earning rules", description = "The whole set; applies to events taken in from now on")
    @APIResponse(responseCode = "200", description = "Replaced; the rules now in force")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid: errors names each field")
    public EarningRulesView put(@NotNull @Valid EarningRulesRequest earningRules) {
        return EarningRulesView.of(rules.replace(earningRules.toRules(), identity.getPrincipal().getName()));
    }
}
