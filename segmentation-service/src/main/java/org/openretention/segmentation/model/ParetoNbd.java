package org.openretention.segmentation.model;

import static org.openretention.segmentation.model.SpecialFunctions.logGamma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), in the form of Fader and Hardie's "A note on
 * deriving the Pareto/NBD model and related expressions" (2005): while active, a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α); the customer's lifetime is exponential with rate μ ~ Gamma(s, β) (per week).
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    public ParetoNbd {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("s", s);
        requirePositive("beta", beta);
    }

    /** Fits the model to the sample by maximum likelihood. */
    public static ModelFit<ParetoNbd> fit(CompressedSample sample) {
        return fit(sample, LogParameterFit.MAX_ITERATIONS);
    }

    /**
     * As {@link #fit(CompressedSample)}, giving up after {@code 10 * maxIterations} likelihood evaluations of the
     * derivative-free optimiser.
     */
    public static ModelFit<ParetoNbd> fit(CompressedSample sample, int maxIterations) {
        double[] bgNbdStart = BgNbd.startingPoint(sample);
        double[] start = {bgNbdStart[0], bgNbdStart[1], 1, bgNbdStart[1]};
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(sample);
        return LogParameterFit.withoutGradient(likelihood::meanNegative, NAMES, start, sample.customers(),
                maxIterations, p -> new ParetoNbd(p[0], p[1], p[2], p[3]), model -> Optional.empty());
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r);
        parameters.put("alpha", alpha);
        parameters.put("s", s);
        parameters.put("beta", beta);
        return parameters;
    }

    @Override
    public double logLikelihood(CustomerSummary customer) {
        return logLikelihood(customer.repeatTransactions(), customer.recency(), customer.age());
    }

    /**
     * The note's equation (22): {@code L = Γ(r+x) α^r β^s / Γ(r) [1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) A0]},
     * in log space.
     */
    public double logLikelihood(int x, double recency, double age) {
        double survived = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        double droppedOut = Math.log(s / (r + s + x)) + logA0(x, recency, age);
        return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                + LogMath.addExp(survived, droppedOut);
    }

    /** The log-likelihood of all customers of the sample (weighted rows). */
    public double logLikelihood(CompressedSample sample) {
        return new ParetoNbdLikelihood(sample).logLikelihood(r, alpha, s, beta);
    }

    /**
     * The note's equation (25): {@code 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0)}, with the customer's last sign of
     * life in the place of t_x in A0.
     *
     * <p>A0 integrates over the moments the customer may have dropped out, from t_x on; a customer seen alive later (a
     * product view, a cart add) cannot have dropped out before that. The individual likelihood of x purchases in
     * [0, t_x], none after, and a lifetime longer than t_s is {@code λ^x e^-(λ+μ)T + λ^x μ/(λ+μ) [e^-(λ+μ)t_s - e^-(λ+μ)T]}:
     * the same as without the sign of life, with t_s for t_x; so is everything integrated from it. With t_s = t_x (no
     * later sign of life) this is the note's equation; with t_s = T the customer is alive.
     */
    @Override
    public double probabilityAlive(CustomerSummary customer) {
        int x = customer.repeatTransactions();
        double age = customer.age();
        double logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + age) + s * Math.log(beta + age)
                + logA0(x, customer.lastSeenAlive(), age);
        return LogMath.logistic(-logOdds);
    }

    /**
     * The note's equation (27): {@code (r+x)(β+T) / ((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] P(alive)}; the factor
     * {@code [1 - q^(s-1)]/(s-1)} is computed as {@code -expm1((s-1) ln q)/(s-1)}, which tends to {@code -ln q} at
     * s = 1.
     */
    @Override
    public double expectedPurchases(CustomerSummary customer, double weeks) {
        return expectedPurchases(customer, new double[] {weeks})[0];
    }

    /** Equation (27) for each horizon, with the probability alive, the only costly part, computed once. */
    @Override
    public double[] expectedPurchases(CustomerSummary customer, double[] weeks) {
        for (double w : weeks) {
            if (w < 0) {
                throw new IllegalArgumentException("weeks must not be negative: " + w);
            }
        }
        double[] expected = new double[weeks.length];
        double alive = Double.NaN;
        int x = customer.repeatTransactions();
        double betaAge = beta + customer.age();
        double sMinusOne = s - 1;
        for (int i = 0; i < weeks.length; i++) {
            if (weeks[i] == 0) {
                continue;
            }
            if (Double.isNaN(alive)) {
                alive = probabilityAlive(customer);
            }
            double logQ = -Math.log1p(weeks[i] / betaAge);
            double lifetimeFactor = sMinusOne == 0 ? -logQ : -Math.expm1(sMinusOne * logQ) / sMinusOne;
            expected[i] = (r + x) * betaAge / (alpha + customer.age()) * lifetimeFactor * alive;
        }
        return expected;
    }

    /** Its scores depend on the last sign of life ({@link #probabilityAlive}). */
    @Override
    public boolean usesSignsOfLife() {
        return true;
    }

    /** {@code ln A0}, the note's equation (23)/(24); -∞ when t_x = T. */
    private double logA0(int x, double recency, double age) {
        return LogMath.subtractExp(hypergeometricTerm(r, alpha, s, beta, x, recency),
                hypergeometricTerm(r, alpha, s, beta, x, age));
    }

    /**
     * One of the two terms of A0, {@code ln[2F1(r+s+x, s+1; r+s+x+1; (α-β)/(α+t)) / (α+t)^(r+s+x)]} when α >= β and
     * {@code ln[2F1(r+s+x, r+x; r+s+x+1; (β-α)/(β+t)) / (β+t)^(r+s+x)]} when α < β: the split keeps the argument in
     * [0, 1), and its complement {@code 1 - z} is passed as the exact ratio it is.
     */
    static double hypergeometricTerm(double r, double alpha, double s, double beta, int x, double time) {
        double rsx = r + s + x;
        if (alpha >= beta) {
            double z = (alpha - beta) / (alpha + time);
            double oneMinusZ = (beta + time) / (alpha + time);
            return Hypergeometric2F1.logValue(rsx, s + 1, rsx + 1, z, oneMinusZ) - rsx * Math.log(alpha + time);
        }
        double z = (beta - alpha) / (beta + time);
        double oneMinusZ = (alpha + time) / (beta + time);
        return Hypergeometric2F1.logValue(rsx, r + x, rsx + 1, z, oneMinusZ) - rsx * Math.log(beta + time);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
