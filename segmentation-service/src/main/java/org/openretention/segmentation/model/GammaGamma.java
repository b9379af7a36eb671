package org.openretention.segmentation.model;

import static org.openretention.segmentation.model.SpecialFunctions.logGamma;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis"): a customer's transaction values are Gamma(p, ν) around the customer's mean p/ν, and ν varies across
 * customers as Gamma(q, γ). Fitted on the customers with repeat transactions, by their mean repeat value.
 */
public record GammaGamma(double p, double q, double gamma) implements FittedModel {

    /** As the optimiser sees them: γ is fitted on values divided by their mean (see {@link GammaGammaLikelihood}). */
    private static final String[] NAMES = {"p", "q", "gamma (in units of the mean repeat value)"};
    /** A calendar month in weeks (365.25 / 12 days), the step of {@link #clv}. */
    static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;
    private static final int CLV_MONTHS = 12;

    public GammaGamma {
        requirePositive("p", p);
        requirePositive("q", q);
        requirePositive("gamma", gamma);
    }

    /**
     * Fits the model by maximum likelihood to the customers with repeat transactions and a positive mean repeat
     * value (the others carry no spend information).
     */
    public static ModelFit<GammaGamma> fit(Collection<CustomerSummary> customers) {
        return fit(customers, LogParameterFit.MAX_ITERATIONS);
    }

    /** As {@link #fit(Collection)}, giving up after {@code maxIterations} optimiser iterations. */
    public static ModelFit<GammaGamma> fit(Collection<CustomerSummary> customers, int maxIterations) {
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(customers);
        double scale = likelihood.valueScale();
        ModelFit<GammaGamma> scaled = LogParameterFit.withGradient(likelihood, NAMES, new double[] {1, 2, 1},
                likelihood.customers(), maxIterations, g -> new GammaGamma(g[0], g[1], g[2]), GammaGamma::refusal);
        GammaGamma model = scaled.model();
        return new ModelFit<>(new GammaGamma(model.p(), model.q(), model.gamma() * scale),
                scaled.logLikelihood() - likelihood.customers() * Math.log(scale), scaled.customers(),
                scaled.converged(), scaled.atBound(), scaled.reason(), scaled.iterations(), scaled.durationNanos());
    }

    /** A fit with q <= 1 has no finite mean spend per transaction, so no expected value can be computed from it. */
    private static Optional<String> refusal(GammaGamma model) {
        return model.q() <= 1
                ? Optional.of("q = " + model.q() + " <= 1: the expected value per transaction is infinite")
                : Optional.empty();
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("p", p);
        parameters.put("q", q);
        parameters.put("gamma", gamma);
        return parameters;
    }

    /**
     * The density of observing mean value {@code m} over {@code x} transactions:
     * {@code Γ(px+q)/(Γ(px)Γ(q)) γ^q m^(px-1) x^px / (γ+mx)^(px+q)}, in log.
     */
    public double logLikelihood(int x, double meanValue) {
        if (x <= 0 || !(meanValue > 0)) {
            throw new IllegalArgumentException("needs x > 0 and a positive mean value: x=" + x + " m=" + meanValue);
        }
        double px = p * x;
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(meanValue)
                + px * Math.log(x) - (px + q) * Math.log(gamma + meanValue * x);
    }

    /**
     * The expected value of the customer's future transactions, {@code p(γ + x m)/(px + q - 1)}: a weighted mean of
     * the population mean {@code pγ/(q-1)} and the customer's own mean repeat value; the population mean for a
     * customer without repeat transactions.
     */
    public double expectedAverageValue(CustomerSummary customer) {
        if (q <= 1) {
            throw new IllegalStateException("q = " + q + " <= 1: the expected value per transaction is infinite");
        }
        int x = customer.repeatTransactions();
        double mean = x == 0 ? 0 : customer.meanRepeatValue();
        return p * (gamma + x * mean) / (p * x + q - 1);
    }

    /** {@link #clv(PurchaseModel, CustomerSummary, int, double)} over 12 months. */
    public double clv(PurchaseModel purchases, CustomerSummary customer, double monthlyDiscountRate) {
        return clv(purchases, customer, CLV_MONTHS, monthlyDiscountRate);
    }

    /**
     * Customer lifetime value over the next {@code months}, as the {@code lifetimes} library's
     * {@code customer_lifetime_value} computes it: for each month i, the purchases the model expects in it
     * (expected by the end of month i minus by the end of month i - 1) times the expected value per transaction,
     * discounted by {@code (1 + monthlyDiscountRate)^i}. A month is 365.25 / 12 days ({@code lifetimes} uses
     * 4.345 weeks, 0.07 % shorter).
     */
    public double clv(PurchaseModel purchases, CustomerSummary customer, int months, double monthlyDiscountRate) {
        if (months < 0 || !(monthlyDiscountRate > -1)) {
            throw new IllegalArgumentException("months must not be negative and the discount rate above -1: "
                    + months + ", " + monthlyDiscountRate);
        }
        return expectedAverageValue(customer) * discountedPurchases(purchases, customer, months, monthlyDiscountRate);
    }

    /**
     * The purchases {@code purchases} expects of the customer over the next {@code months}, each month's discounted by
     * {@code (1 + monthlyDiscountRate)^i}: the CLV is this times {@link #expectedAverageValue}. It depends on the
     * customer's (x, t_x, T) only, so the evaluation computes it once per distinct triple and multiplies in SQL.
     */
    public static double discountedPurchases(PurchaseModel purchases, CustomerSummary customer, int months, double monthlyDiscountRate) {
        if (months < 0 || !(monthlyDiscountRate > -1)) {
            throw new IllegalArgumentException("months must not be negative and the discount rate above -1: "
                    + months + ", " + monthlyDiscountRate);
        }
        double[] horizons = new double[months];
        for (int month = 1; month <= months; month++) {
            horizons[month - 1] = month * WEEKS_PER_MONTH;
        }
        double[] expectedByEnd = purchases.expectedPurchases(customer, horizons);
        double discounted = 0;
        double expectedBefore = 0;
        for (int month = 1; month <= months; month++) {
            discounted += (expectedByEnd[month - 1] - expectedBefore) / Math.pow(1 + monthlyDiscountRate, month);
            expectedBefore = expectedByEnd[month - 1];
        }
        return discounted;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
