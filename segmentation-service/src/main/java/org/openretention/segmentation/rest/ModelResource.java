package org.openretention.segmentation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;
import org.openretention.segmentation.service.FitRequest;
import org.openretention.segmentation.service.ModelFitting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The churn and CLV model fits: fit on demand, the active fit, the history. */
@Path("/models")
@Tag(name = "Models", description = "Churn and CLV model fits (BG/NBD, Pareto/NBD, Gamma-Gamma)")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    ModelFitting fitting;

    @POST
    @Path("/fit")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Fit BG/NBD, Pareto/NBD and Gamma-Gamma to the counted purchases up to calibrationEnd, compare the "
            + "purchase models on a holdout up to holdoutEnd, store the fit and activate it when asked and allowed")
    @APIResponse(responseCode = "200", description = "The stored fit; activated false with refusedBecause when it may not be activated")
    @APIResponse(responseCode = "400", description = "A date is not yyyy-MM-dd, cohortEnd is not after cohortStart, or holdoutEnd is not after calibrationEnd")
    @APIResponse(responseCode = "409", description = "No counted purchase to fit, or a fit is running already")
    public ModelFitView fit(
            @Parameter(description = "Last day of the calibration period, yyyy-MM-dd in the shop's zone (default: yesterday)")
            @QueryParam("calibrationEnd") String calibrationEnd,
            @Parameter(description = "Only customers whose first purchase is on or after this day (yyyy-MM-dd)")
            @QueryParam("cohortStart") String cohortStart,
            @Parameter(description = "Only customers whose first purchase is before this day (yyyy-MM-dd)")
            @QueryParam("cohortEnd") String cohortEnd,
            @Parameter(description = "Last day of the holdout period (yyyy-MM-dd), after calibrationEnd; absent: no holdout comparison")
            @QueryParam("holdoutEnd") String holdoutEnd,
            @Parameter(description = "Activate the fit when it may be (default: true without a cohort, false with one)")
            @QueryParam("activate") Boolean activate) {
        LocalDate end = date("calibrationEnd", calibrationEnd).orElseGet(fitting::yesterday);
        Optional<LocalDate> from = date("cohortStart", cohortStart);
        Optional<LocalDate> to = date("cohortEnd", cohortEnd);
        Optional<LocalDate> holdout = date("holdoutEnd", holdoutEnd);
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw ProblemException.invalidField("cohortEnd", "must be after cohortStart");
        }
        if (holdout.isPresent() && !holdout.get().isAfter(end)) {
            throw ProblemException.invalidField("holdoutEnd", "must be after calibrationEnd (" + end + ")");
        }
        boolean cohort = from.isPresent() || to.isPresent();
        FitRequest request = new FitRequest(end, from, to, holdout, activate == null ? !cohort : activate);
        return fitting.fit(request).map(ModelFitView::of)
                .orElseThrow(() -> ProblemException.conflict("a model fit is running already; try again when it has finished"));
    }

    @GET
    @Path("/current")
    @RolesAllowed({Roles.MARKETING, Roles.OPS})
    @Operation(summary = "The active fit, the one that scores customers")
    @APIResponse(responseCode = "200", description = "The active fit")
    @APIResponse(responseCode = "404", description = "No fit is active")
    public ModelFitView current() {
        return fitting.active().map(ModelFitView::of)
                .orElseThrow(() -> ProblemException.notFound("no model fit is active: fit one with POST /models/fit"));
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.OPS})
    @Operation(summary = "The fits, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of fits")
    @APIResponse(responseCode = "400", description = "page is negative or size not between 1 and 100")
    public ModelFitView.Page history(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new ModelFitView.Page(page, size, fitting.history(page, size).stream().map(ModelFitView::of).toList());
    }

    private static Optional<LocalDate> date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be a date yyyy-MM-dd such as 2026-11-30, not '" + value + "'");
        }
    }
}
