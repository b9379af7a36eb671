package org.openretention.segmentation.model;

/** A buy-till-you-die model of repeat purchases: whether a customer is still active, and how much they will buy. */
public sealed interface PurchaseModel extends FittedModel permits BgNbd, ParetoNbd {

    /** The probability that the customer has not dropped out by the end of the calibration period. */
    double probabilityAlive(CustomerSummary customer);

    /** The expected number of repeat transactions of the customer in the {@code weeks} after the calibration end. */
    double expectedPurchases(CustomerSummary customer, double weeks);

    /**
     * {@link #expectedPurchases(CustomerSummary, double)} for each of the horizons; a model may share the work that does
     * not depend on the horizon (Pareto/NBD's probability alive).
     */
    default double[] expectedPurchases(CustomerSummary customer, double[] weeks) {
        double[] expected = new double[weeks.length];
        for (int i = 0; i < weeks.length; i++) {
            expected[i] = expectedPurchases(customer, weeks[i]);
        }
        return expected;
    }

    /**
     * Whether its scores use {@link CustomerSummary#lastSeenAlive}: a model whose customers drop out only right after a
     * purchase (BG/NBD) learns nothing from a sign of life after it, short of certainty; one whose customers may drop out
     * at any moment (Pareto/NBD) does. A model that does scores by (x, last seen alive, T): t_x matters only through it.
     */
    default boolean usesSignsOfLife() {
        return false;
    }

    /** The log-likelihood of one customer's (x, t_x, T). */
    double logLikelihood(CustomerSummary customer);
}
