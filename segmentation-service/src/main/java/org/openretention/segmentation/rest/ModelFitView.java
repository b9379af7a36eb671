package org.openretention.segmentation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.segmentation.model.BgNbd;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.ParetoNbd;
import org.openretention.segmentation.store.FitRun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A fit run as the API shows it: the three models' parameters, the holdout comparison and the activation. */
@Schema(name = "ModelFit")
public record ModelFitView(
        long id,
        BgNbdView bgnbd,
        ParetoNbdView paretoNbd,
        GammaGammaView gammaGamma,
        @Schema(description = "The time unit of recency, age and the rates: WEEKS")
        String timeUnit,
        @Schema(description = "Customers fitted by the purchase models")
        int customers,
        @Schema(description = "Customers with repeat transactions, the ones Gamma-Gamma is fitted on")
        int repeatCustomers,
        @Schema(description = "The last day of the calibration period (shop's zone, inclusive)")
        LocalDate calibrationEnd,
        @Schema(description = "Only customers whose first purchase is on or after this day; absent: no lower bound")
        LocalDate cohortStart,
        @Schema(description = "Only customers whose first purchase is before this day; absent: no upper bound")
        LocalDate cohortEnd,
        @Schema(description = "The last day of the holdout period; absent without a holdout comparison")
        LocalDate holdoutEnd,
        Instant fittedAt,
        @Schema(description = "End to end, from reading the purchases to storing the fit, in milliseconds")
        long totalMs,
        @Schema(description = "All three models converged")
        boolean converged,
        @Schema(description = "A parameter of some model ended at the optimiser's bound")
        boolean atBound,
        @Schema(description = "The fit was activated (it may have been replaced since: see active)")
        boolean activated,
        @Schema(description = "The fit is the one that scores customers now")
        boolean active,
        Instant activatedAt,
        @Schema(description = "Why the fit may not be activated; absent when it may")
        String refusedBecause,
        @Schema(description = "The purchase models' holdout comparison; absent without a holdout")
        HoldoutView holdout) {

    public record BgNbdView(Double r, Double alpha, Double a, Double b, Double logLikelihood, boolean converged, boolean atBound,
                            String refusedBecause, long durationMs) {
    }

    public record ParetoNbdView(Double r, Double alpha, Double s, Double beta, Double logLikelihood, boolean converged,
                                boolean atBound, String refusedBecause, long durationMs) {
    }

    public record GammaGammaView(Double p, Double q, Double gamma, Double logLikelihood, boolean converged, boolean atBound,
                                 String refusedBecause, long durationMs) {
    }

    /** @param winner the purchase model with the lower mean absolute error */
    public record HoldoutView(Comparison bgnbd, Comparison paretoNbd, String winner) {
    }

    /** Repeat transactions in the holdout, all customers together, and the mean absolute error per customer. */
    public record Comparison(double predicted, long actual, double mae) {
    }

    /** A page of the fit history, newest first. */
    public record Page(int page, int size, List<ModelFitView> fits) {
    }

    static ModelFitView of(FitRun run) {
        FitRun.Fitted<BgNbd> bg = run.bgNbd();
        BgNbd b = bg.model().orElse(null);
        FitRun.Fitted<ParetoNbd> pn = run.paretoNbd();
        ParetoNbd p = pn.model().orElse(null);
        FitRun.Fitted<GammaGamma> gg = run.gammaGamma();
        GammaGamma g = gg.model().orElse(null);
        HoldoutView holdout = run.holdoutEnd().isEmpty() ? null : new HoldoutView(
                run.holdoutBgNbd().map(h -> new Comparison(h.predicted(), h.actual(), h.meanAbsoluteError())).orElse(null),
                run.holdoutParetoNbd().map(h -> new Comparison(h.predicted(), h.actual(), h.meanAbsoluteError())).orElse(null),
                run.holdoutWinner().map(Enum::name).orElse(null));
        return new ModelFitView(run.id(),
                new BgNbdView(b == null ? null : b.r(), b == null ? null : b.alpha(), b == null ? null : b.a(), b == null ? null : b.b(),
                        bg.logLikelihood(), bg.converged(), bg.atBound(), bg.refusalReason().orElse(null), bg.durationMillis()),
                new ParetoNbdView(p == null ? null : p.r(), p == null ? null : p.alpha(), p == null ? null : p.s(),
                        p == null ? null : p.beta(), pn.logLikelihood(), pn.converged(), pn.atBound(),
                        pn.refusalReason().orElse(null), pn.durationMillis()),
                new GammaGammaView(g == null ? null : g.p(), g == null ? null : g.q(), g == null ? null : g.gamma(),
                        gg.logLikelihood(), gg.converged(), gg.atBound(), gg.refusalReason().orElse(null), gg.durationMillis()),
                run.timeUnit(), run.customers(), run.repeatCustomers(), run.calibrationEnd(), run.cohortStart().orElse(null),
                run.cohortEnd().orElse(null), run.holdoutEnd().orElse(null), run.fittedAt(), run.totalMillis(), run.converged(),
                run.atBound(), run.activatedAt().isPresent(), run.active(), run.activatedAt().orElse(null),
                run.refusalReason().orElse(null), holdout);
    }
}
