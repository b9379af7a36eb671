package org.openretention.segmentation.model;

import static org.openretention.segmentation.model.SpecialFunctions.digamma;
import static org.openretention.segmentation.model.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.Collection;

/**
 * The Gamma-Gamma log-likelihood of the customers with repeat transactions, and its analytic gradient.
 *
 * <p>Mean values are divided by their mean before fitting: the model is scale-equivariant (values times c give γ
 * times c, the same p and q), so the optimiser always starts near γ = 1 whatever the currency. Customers with the
 * same (x, mean value) are merged; the rows are grouped by x, so the gamma functions are evaluated once per
 * distinct x, {@code (px-1) ln m} is a constant sum per x, and a row costs one logarithm and one division.
 */
final class GammaGammaLikelihood implements Objective {

    private final int[] frequencies;
    private final int[] frequencyStart;
    private final double[] frequencyWeight;
    private final double[] frequencyLogValue;
    private final double[] scaledValue;
    private final double[] weight;
    private final double customers;
    private final double valueScale;

    GammaGammaLikelihood(Collection<CustomerSummary> summaries) {
        int maxFrequency = 0;
        int fitted = 0;
        double valueSum = 0;
        for (CustomerSummary customer : summaries) {
            if (isFitted(customer)) {
                maxFrequency = Math.max(maxFrequency, customer.repeatTransactions());
                fitted++;
                valueSum += customer.meanRepeatValue();
            }
        }
        if (fitted == 0) {
            throw new IllegalArgumentException("no customer with repeat transactions of positive value to fit");
        }
        customers = fitted;
        valueScale = valueSum / fitted;

        // a counting sort by x, then each x's values sorted as primitives: equal (x, value) pairs become neighbours
        int[] bucketStart = new int[maxFrequency + 2];
        for (CustomerSummary customer : summaries) {
            if (isFitted(customer)) {
                bucketStart[customer.repeatTransactions() + 1]++;
            }
        }
        for (int x = 1; x < bucketStart.length; x++) {
            bucketStart[x] += bucketStart[x - 1];
        }
        int[] filled = bucketStart.clone();
        double[] values = new double[fitted];
        for (CustomerSummary customer : summaries) {
            if (isFitted(customer)) {
                values[filled[customer.repeatTransactions()]++] = customer.meanRepeatValue();
            }
        }
        int distinctFrequencies = 0;
        int rows = 0;
        for (int x = 1; x <= maxFrequency; x++) {
            Arrays.sort(values, bucketStart[x], bucketStart[x + 1]);
            if (bucketStart[x + 1] > bucketStart[x]) {
                distinctFrequencies++;
            }
            for (int i = bucketStart[x]; i < bucketStart[x + 1]; i++) {
                if (i == bucketStart[x] || values[i] != values[i - 1]) {
                    rows++;
                }
            }
        }
        frequencies = new int[distinctFrequencies];
        frequencyStart = new int[distinctFrequencies + 1];
        frequencyWeight = new double[distinctFrequencies];
        frequencyLogValue = new double[distinctFrequencies];
        scaledValue = new double[rows];
        weight = new double[rows];
        int f = 0;
        int row = -1;
        for (int x = 1; x <= maxFrequency; x++) {
            if (bucketStart[x + 1] == bucketStart[x]) {
                continue;
            }
            frequencies[f] = x;
            frequencyStart[f] = row + 1;
            for (int i = bucketStart[x]; i < bucketStart[x + 1]; i++) {
                if (i == bucketStart[x] || values[i] != values[i - 1]) {
                    row++;
                    scaledValue[row] = values[i] / valueScale;
                }
                weight[row]++;
                frequencyWeight[f]++;
                frequencyLogValue[f] += Math.log(scaledValue[row]);
            }
            f++;
        }
        frequencyStart[f] = row + 1;
    }

    private static boolean isFitted(CustomerSummary customer) {
        return customer.repeatTransactions() > 0 && customer.meanRepeatValue() > 0;
    }

    /** The number of customers fitted (those with repeat transactions of positive value). */
    double customers() {
        return customers;
    }

    /** What the mean values were divided by: γ fitted on them is γ in money divided by this. */
    double valueScale() {
        return valueScale;
    }

    /** On log-parameters: the negative mean log-likelihood per customer (of the scaled values) and its gradient. */
    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        double p = Math.exp(point[0]);
        double q = Math.exp(point[1]);
        double gamma = Math.exp(point[2]);
        double logGammaQ = logGamma(q);
        double digammaQ = digamma(q);
        double logGammaParameter = Math.log(gamma);

        double logLikelihood = 0;
        double byP = 0;
        double byQ = 0;
        double byGamma = 0;
        for (int f = 0; f < frequencies.length; f++) {
            int x = frequencies[f];
            double px = p * x;
            double logX = Math.log(x);
            double count = frequencyWeight[f];
            double logValues = frequencyLogValue[f];
            double logTotals = 0;
            double inverseTotals = 0;
            for (int i = frequencyStart[f], end = frequencyStart[f + 1]; i < end; i++) {
                double total = gamma + scaledValue[i] * x;
                logTotals += weight[i] * Math.log(total);
                inverseTotals += weight[i] / total;
            }
            double digammaPxQ = digamma(px + q);
            logLikelihood += count * (logGamma(px + q) - logGamma(px) - logGammaQ + q * logGammaParameter + px * logX)
                    + (px - 1) * logValues - (px + q) * logTotals;
            byP += x * (count * (digammaPxQ - digamma(px) + logX) + logValues - logTotals);
            byQ += count * (digammaPxQ - digammaQ + logGammaParameter) - logTotals;
            byGamma += count * q / gamma - (px + q) * inverseTotals;
        }
        gradient[0] = -byP * p / customers;
        gradient[1] = -byQ * q / customers;
        gradient[2] = -byGamma * gamma / customers;
        return -logLikelihood / customers;
    }
}
