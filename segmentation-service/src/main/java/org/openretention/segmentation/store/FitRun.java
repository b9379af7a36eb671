package org.openretention.segmentation.store;

import org.openretention.segmentation.model.BgNbd;
import org.openretention.segmentation.model.FittedModel;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.ParetoNbd;
import org.openretention.segmentation.model.PurchaseModel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A stored fit run: the three models fitted on the same customers, the holdout comparison of the two purchase models
 * and whether the run is (or was) the active one.
 *
 * @param customers       customers fitted by the purchase models
 * @param repeatCustomers customers with repeat transactions, the ones Gamma-Gamma is fitted on
 * @param totalMillis     end to end, from reading the purchases to the holdout comparison
 * @param refusalReason   why the run may not be activated; empty when it may
 */
public record FitRun(Long id, LocalDate calibrationEnd, Optional<LocalDate> cohortStart, Optional<LocalDate> cohortEnd,
                     Optional<LocalDate> holdoutEnd, String timeUnit, int customers, int repeatCustomers, Instant fittedAt,
                     long totalMillis, Fitted<BgNbd> bgNbd, Fitted<ParetoNbd> paretoNbd, Fitted<GammaGamma> gammaGamma,
                     Optional<Holdout> holdoutBgNbd, Optional<Holdout> holdoutParetoNbd, boolean converged, boolean atBound,
                     Optional<String> refusalReason, boolean active, Optional<Instant> activatedAt) {

    /** The purchase models by the names the API and the settings use. */
    public enum PurchaseModelName { BG_NBD, PARETO_NBD }

    /**
     * One model of the run.
     *
     * @param model          empty when the model could not be fitted at all (the reason says why)
     * @param durationMillis the optimisation alone
     */
    public record Fitted<M extends FittedModel>(Optional<M> model, Double logLikelihood, boolean converged, boolean atBound,
                                                Optional<String> refusalReason, long durationMillis) {
    }

    /** A purchase model's holdout comparison: repeat transactions predicted and actual, and the mean absolute error. */
    public record Holdout(double predicted, long actual, double meanAbsoluteError) {
    }

    /** The purchase model with the lower holdout error; empty without a holdout comparison. */
    public Optional<PurchaseModelName> holdoutWinner() {
        if (holdoutBgNbd.isEmpty() || holdoutParetoNbd.isEmpty()) {
            return holdoutBgNbd.map(h -> PurchaseModelName.BG_NBD).or(() -> holdoutParetoNbd.map(h -> PurchaseModelName.PARETO_NBD));
        }
        return Optional.of(holdoutParetoNbd.get().meanAbsoluteError() < holdoutBgNbd.get().meanAbsoluteError()
                ? PurchaseModelName.PARETO_NBD : PurchaseModelName.BG_NBD);
    }

    /** The run's purchase model of that name. */
    public Optional<? extends PurchaseModel> purchaseModel(PurchaseModelName name) {
        return name == PurchaseModelName.PARETO_NBD ? paretoNbd.model() : bgNbd.model();
    }
}
