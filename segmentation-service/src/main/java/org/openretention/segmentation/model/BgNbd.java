package org.openretention.segmentation.model;

import static org.openretention.segmentation.model.SpecialFunctions.logGamma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while active, a customer
 * buys as a Poisson process with rate λ ~ Gamma(r, α) (per week); after each transaction the customer drops out
 * with probability p ~ Beta(a, b).
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};
    /** Within this of a = 1 the conditional expectation's factor 1/(a - 1) is interpolated from a = 1 ± this. */
    private static final double NEAR_ONE = 1e-5;

    public BgNbd {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    /** Fits the model to the sample by maximum likelihood. */
    public static ModelFit<BgNbd> fit(CompressedSample sample) {
        return fit(sample, LogParameterFit.MAX_ITERATIONS);
    }

    /** As {@link #fit(CompressedSample)}, giving up after {@code maxIterations} optimiser iterations. */
    public static ModelFit<BgNbd> fit(CompressedSample sample, int maxIterations) {
        BgNbdLikelihood likelihood = new BgNbdLikelihood(sample);
        return LogParameterFit.withGradient(likelihood, NAMES, startingPoint(sample), sample.customers(), maxIterations,
                p -> new BgNbd(p[0], p[1], p[2], p[3]), model -> Optional.empty());
    }

    /** r = 1 with α matching the sample's repeat rate, a = b = 1: a start of the right scale for any time unit. */
    static double[] startingPoint(CompressedSample sample) {
        double exposure = 0;
        for (int i = 0; i < sample.rows(); i++) {
            exposure += sample.weight(i) * sample.age(i);
        }
        double rate = Math.max(sample.repeatTransactionsTotal(), 1) / Math.max(exposure, 1e-9);
        double alpha = Math.min(Math.max(1 / rate, 1e-3), 1e3);
        return new double[] {1, alpha, 1, 1};
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r);
        parameters.put("alpha", alpha);
        parameters.put("a", a);
        parameters.put("b", b);
        return parameters;
    }

    @Override
    public double logLikelihood(CustomerSummary customer) {
        return logLikelihood(customer.repeatTransactions(), customer.recency(), customer.age());
    }

    /**
     * {@code ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b) - (r+x) ln(α+T)
     * + ln(1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x))}, the sum of the paper's A1 + A2 terms kept in log space.
     */
    public double logLikelihood(int x, double recency, double age) {
        double common = logGamma(r + x) - logGamma(r) + logGamma(b + x) - logGamma(b)
                + logGamma(a + b) - logGamma(a + b + x) + r * Math.log(alpha) - (r + x) * Math.log(alpha + age);
        return x == 0 ? common : common + LogMath.softplus(logDropoutOdds(a, x, recency, age));
    }

    /** The log-likelihood of all customers of the sample (weighted rows). */
    public double logLikelihood(CompressedSample sample) {
        return new BgNbdLikelihood(sample).logLikelihood(r, alpha, a, b, null);
    }

    /** {@code 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x))}: 1 for a customer without repeat transactions. */
    @Override
    public double probabilityAlive(CustomerSummary customer) {
        int x = customer.repeatTransactions();
        return x == 0 ? 1 : LogMath.logistic(-logDropoutOdds(a, x, customer.recency(), customer.age()));
    }

    /**
     * The paper's equation (10):
     * {@code (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))] P(alive)}.
     */
    @Override
    public double expectedPurchases(CustomerSummary customer, double weeks) {
        if (weeks < 0) {
            throw new IllegalArgumentException("weeks must not be negative: " + weeks);
        }
        if (weeks == 0) {
            return 0;
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            // 1 - Q vanishes with a - 1 (a removable singularity): interpolate between a = 1 ± NEAR_ONE
            double below = conditionalExpectation(1 - NEAR_ONE, customer, weeks);
            double above = conditionalExpectation(1 + NEAR_ONE, customer, weeks);
            return below + (a - (1 - NEAR_ONE)) / (2 * NEAR_ONE) * (above - below);
        }
        return conditionalExpectation(a, customer, weeks);
    }

    /** Equation (10) with {@code a} = {@code shapeA}: the fitted a, or one next to it when that is too close to 1. */
    private double conditionalExpectation(double shapeA, CustomerSummary customer, double weeks) {
        int x = customer.repeatTransactions();
        double horizon = alpha + customer.age() + weeks;
        double z = weeks / horizon;
        double oneMinusZ = (alpha + customer.age()) / horizon;
        double hypergeometricA = r + x;
        double hypergeometricB = b + x;
        double hypergeometricC = shapeA + b + x - 1;
        double logDiscount = hypergeometricA * Math.log(oneMinusZ);
        double bracket;
        if (hypergeometricC > 0) {
            bracket = -Math.expm1(logDiscount
                    + Hypergeometric2F1.logValue(hypergeometricA, hypergeometricB, hypergeometricC, z, oneMinusZ));
        } else {
            // only for x = 0 with a + b < 1, where the 2F1 may be negative and its terms stay moderate
            bracket = 1 - Math.exp(logDiscount)
                    * Hypergeometric2F1.value(hypergeometricA, hypergeometricB, hypergeometricC, z, oneMinusZ);
        }
        double alive = x == 0 ? 1 : LogMath.logistic(-logDropoutOdds(shapeA, x, customer.recency(), customer.age()));
        return (shapeA + b + x - 1) / (shapeA - 1) * bracket * alive;
    }

    /**
     * {@code ln(a/(b+x-1)) + (r+x) ln((α+T)/(α+t_x))} for x > 0, with {@code a} = {@code shapeA}: the log-odds of
     * having dropped out after the last purchase.
     */
    private double logDropoutOdds(double shapeA, int x, double recency, double age) {
        return Math.log(shapeA) - Math.log(b + x - 1) + (r + x) * Math.log1p((age - recency) / (alpha + recency));
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
