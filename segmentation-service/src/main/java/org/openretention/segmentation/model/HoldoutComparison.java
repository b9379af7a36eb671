package org.openretention.segmentation.model;

import java.util.Collection;
import java.util.Map;

/**
 * How well a purchase model fitted on the calibration period predicted the holdout period: the repeat transactions
 * it expected against those that happened, in total and per customer. Between two models of one data set, the one
 * with the lower mean absolute error per customer is the better one to activate.
 *
 * @param predicted            expected repeat transactions in the holdout, all customers together
 * @param actual               repeat transactions that happened in the holdout
 * @param customers            customers compared
 * @param meanAbsoluteError    mean over customers of |expected - actual|
 * @param rootMeanSquaredError square root of the mean over customers of (expected - actual)^2
 */
public record HoldoutComparison(double predicted, long actual, int customers, double meanAbsoluteError,
                                double rootMeanSquaredError) {

    /**
     * Compares, for each calibration customer, the model's expected purchases in {@code holdoutWeeks} with the
     * customer's holdout transactions (a customer missing from the map bought nothing in the holdout).
     */
    public static HoldoutComparison of(PurchaseModel model, Collection<CustomerSummary> calibration,
                                       Map<String, Integer> holdoutTransactions, double holdoutWeeks) {
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException("no customers to compare");
        }
        double predicted = 0;
        long actual = 0;
        double absoluteErrors = 0;
        double squaredErrors = 0;
        for (CustomerSummary customer : calibration) {
            double expected = model.expectedPurchases(customer, holdoutWeeks);
            int happened = holdoutTransactions.getOrDefault(customer.customerId(), 0);
            predicted += expected;
            actual += happened;
            absoluteErrors += Math.abs(expected - happened);
            squaredErrors += (expected - happened) * (expected - happened);
        }
        int customers = calibration.size();
        return new HoldoutComparison(predicted, actual, customers, absoluteErrors / customers,
                Math.sqrt(squaredErrors / customers));
    }

    /** Whether this model predicted the holdout better than the other: lower mean absolute error, then RMSE. */
    public boolean isBetterThan(HoldoutComparison other) {
        if (meanAbsoluteError != other.meanAbsoluteError) {
            return meanAbsoluteError < other.meanAbsoluteError;
        }
        return rootMeanSquaredError < other.rootMeanSquaredError;
    }
}
