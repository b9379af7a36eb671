package org.openretention.segmentation.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of fitting a model: what is stored per fit, and whether the fit may be activated.
 *
 * @param model          the model with the fitted parameters
 * @param logLikelihood  the maximised log-likelihood of the fitted customers
 * @param customers      how many customers were fitted (the sum of the compressed rows' weights)
 * @param converged      whether the optimiser met its stopping rule
 * @param atBound        whether a parameter ended on the optimiser's bound (the data do not pin it down)
 * @param reason         why the fit must not be activated; empty when it may
 * @param iterations     iterations of the quasi-Newton optimiser (BG/NBD, Gamma-Gamma), likelihood evaluations of
 *                       the derivative-free one (Pareto/NBD)
 * @param durationNanos  time the optimisation took
 */
public record ModelFit<M extends FittedModel>(M model, double logLikelihood, double customers, boolean converged,
                                              boolean atBound, Optional<String> reason, int iterations,
                                              long durationNanos) {

    public ModelFit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(reason, "reason");
        if ((!converged || atBound) && reason.isEmpty()) {
            throw new IllegalArgumentException("a fit that did not converge or sits at a bound needs a reason");
        }
    }

    /** Whether the fit may replace the active model: it converged, away from the bounds, with a sane result. */
    public boolean activatable() {
        return reason.isEmpty();
    }

    /** The fitted parameters by name. */
    public Map<String, Double> parameters() {
        return model.parameters();
    }
}
