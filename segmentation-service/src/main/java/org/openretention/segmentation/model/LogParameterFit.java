package org.openretention.segmentation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum likelihood over positive parameters, searched on their logarithms (no positivity constraint to keep, and
 * steps scale with the parameters) between {@code 1e-5} and {@code 1e5}: a parameter that runs to either end is
 * not identified by the data (no dropout at all, perfectly homogeneous customers, ...), and the fit is refused.
 *
 * <p>Two optimisers: {@link BoundedBfgs} where the likelihood comes with an analytic gradient (BG/NBD,
 * Gamma-Gamma), and Hipparchus' BOBYQA where it does not (Pareto/NBD, whose 2F1 has no closed-form derivatives
 * by its parameters): BOBYQA needs about 150 likelihood evaluations on CDNOW, BFGS on central differences 400.
 */
final class LogParameterFit {

    static final double LOWER_BOUND = 1e-5;
    static final double UPPER_BOUND = 1e5;
    static final int MAX_ITERATIONS = 200;
    /** On the gradient of the mean log-likelihood per customer with respect to the log-parameters. */
    static final double GRADIENT_TOLERANCE = 1e-9;
    /** BOBYQA's interpolation points per parameter count n: 2n + 1, as its author recommends. */
    private static final int INTERPOLATION_POINTS_PER_PARAMETER = 2;
    /** BOBYQA's first trust region: a factor e^0.5 on every parameter. */
    private static final double INITIAL_TRUST_REGION = 0.5;
    /** BOBYQA stops when its trust region is this small: log-parameters to about 1e-8. */
    private static final double FINAL_TRUST_REGION = 1e-8;
    /** A derivative-free iteration is one evaluation; BOBYQA needs about 150 of them for four parameters. */
    private static final int EVALUATIONS_PER_ITERATION = 10;
    private static final double AT_BOUND = 1e-6;

    private LogParameterFit() {
    }

    /**
     * Minimises {@code objective}, the negative mean log-likelihood per customer on log-parameters, by BFGS from
     * {@code start} (parameters, not logarithms), and judges the result.
     *
     * @param names      parameter names, for the reason of a refusal
     * @param model      builds the model from the fitted parameters
     * @param modelCheck a model-specific reason to refuse the fitted model, or empty
     */
    static <M extends FittedModel> ModelFit<M> withGradient(Objective objective, String[] names, double[] start,
                                                            double customers, int maxIterations,
                                                            Function<double[], M> model,
                                                            Function<M, Optional<String>> modelCheck) {
        long started = System.nanoTime();
        Minimum minimum = BoundedBfgs.minimise(objective, logarithms(start), lowerBounds(start.length),
                upperBounds(start.length), maxIterations, GRADIENT_TOLERANCE);
        return judge(minimum, System.nanoTime() - started, names, customers, model, modelCheck);
    }

    /**
     * As {@link #withGradient}, for an objective without gradient, by BOBYQA; {@code maxIterations} allows
     * ten evaluations each.
     */
    static <M extends FittedModel> ModelFit<M> withoutGradient(ToDoubleFunction<double[]> objective, String[] names,
                                                               double[] start, double customers, int maxIterations,
                                                               Function<double[], M> model,
                                                               Function<M, Optional<String>> modelCheck) {
        long started = System.nanoTime();
        int n = start.length;
        BestSoFar best = new BestSoFar(logarithms(start));
        ObjectiveFunction counted = new ObjectiveFunction(point -> best.record(point, objective.applyAsDouble(point)));
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(INTERPOLATION_POINTS_PER_PARAMETER * n + 1,
                INITIAL_TRUST_REGION, FINAL_TRUST_REGION);
        Minimum minimum;
        try {
            PointValuePair found = optimizer.optimize(new MaxEval(maxIterations * EVALUATIONS_PER_ITERATION),
                    counted, GoalType.MINIMIZE, new InitialGuess(logarithms(start)),
                    new SimpleBounds(lowerBounds(n), upperBounds(n)));
            minimum = new Minimum(found.getPoint(), found.getValue(), best.evaluations, true, "");
        } catch (MathIllegalStateException | ArithmeticException e) {
            minimum = new Minimum(best.point, best.value, best.evaluations, false,
                    "the optimiser stopped after " + best.evaluations + " likelihood evaluations: " + e.getMessage());
        }
        return judge(minimum, System.nanoTime() - started, names, customers, model, modelCheck);
    }

    private static <M extends FittedModel> ModelFit<M> judge(Minimum minimum, long durationNanos, String[] names,
                                                             double customers, Function<double[], M> model,
                                                             Function<M, Optional<String>> modelCheck) {
        int n = names.length;
        double[] parameters = new double[n];
        List<String> reasons = new ArrayList<>();
        if (!minimum.converged()) {
            reasons.add("did not converge: " + minimum.failure());
        }
        boolean atBound = false;
        double lower = Math.log(LOWER_BOUND);
        double upper = Math.log(UPPER_BOUND);
        for (int i = 0; i < n; i++) {
            double logParameter = minimum.point()[i];
            parameters[i] = Math.exp(logParameter);
            if (logParameter <= lower + AT_BOUND || logParameter >= upper - AT_BOUND) {
                atBound = true;
                reasons.add(names[i] + " = " + parameters[i] + " sits at the optimiser's bound ["
                        + LOWER_BOUND + ", " + UPPER_BOUND + "]: the data do not determine it");
            }
        }
        M fitted = model.apply(parameters);
        double logLikelihood = -minimum.value() * customers;
        if (minimum.converged() && !Double.isFinite(logLikelihood)) {
            reasons.add("the log-likelihood is not finite: " + logLikelihood);
        }
        modelCheck.apply(fitted).ifPresent(reasons::add);
        Optional<String> reason = reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
        return new ModelFit<>(fitted, logLikelihood, customers, minimum.converged(), atBound, reason,
                minimum.iterations(), durationNanos);
    }

    /** The evaluations of a derivative-free search and the best of them: what is reported if it is cut short. */
    private static final class BestSoFar {

        private double[] point;
        private double value = Double.NaN;
        private int evaluations;

        BestSoFar(double[] start) {
            this.point = start;
        }

        double record(double[] evaluated, double evaluatedValue) {
            evaluations++;
            if (Double.isNaN(value) || evaluatedValue < value) {
                point = evaluated.clone();
                value = evaluatedValue;
            }
            return evaluatedValue;
        }
    }

    private static double[] logarithms(double[] parameters) {
        double[] logarithms = new double[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            logarithms[i] = Math.log(Math.min(Math.max(parameters[i], LOWER_BOUND), UPPER_BOUND));
        }
        return logarithms;
    }

    private static double[] lowerBounds(int n) {
        double[] bounds = new double[n];
        Arrays.fill(bounds, Math.log(LOWER_BOUND));
        return bounds;
    }

    private static double[] upperBounds(int n) {
        double[] bounds = new double[n];
        Arrays.fill(bounds, Math.log(UPPER_BOUND));
        return bounds;
    }
}
