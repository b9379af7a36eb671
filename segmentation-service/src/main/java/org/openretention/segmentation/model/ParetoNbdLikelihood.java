package org.openretention.segmentation.model;

import static org.openretention.segmentation.model.SpecialFunctions.logGamma;

/**
 * The Pareto/NBD log-likelihood of a compressed sample. The hypergeometric terms of A0 depend on a customer only
 * through (x, t_x) and (x, T), so they are evaluated once per distinct pair, not once per row.
 */
final class ParetoNbdLikelihood {

    private final CompressedSample sample;
    private final double[] pairTerm;
    private final double[] logAlphaTime;
    private final double[] logBetaTime;

    ParetoNbdLikelihood(CompressedSample sample) {
        this.sample = sample;
        this.pairTerm = new double[sample.pairs()];
        this.logAlphaTime = new double[sample.times().length];
        this.logBetaTime = new double[sample.times().length];
    }

    /** On log-parameters: the negative mean log-likelihood per customer, the optimiser's objective. */
    double meanNegative(double[] point) {
        return -logLikelihood(Math.exp(point[0]), Math.exp(point[1]), Math.exp(point[2]), Math.exp(point[3]))
                / sample.customers();
    }

    /** The weighted sum of the customers' log-likelihoods. */
    double logLikelihood(double r, double alpha, double s, double beta) {
        for (int p = 0; p < pairTerm.length; p++) {
            pairTerm[p] = ParetoNbd.hypergeometricTerm(r, alpha, s, beta, sample.pairFrequency(p), sample.pairTime(p));
        }
        double[] times = sample.times();
        for (int k = 0; k < times.length; k++) {
            logAlphaTime[k] = Math.log(alpha + times[k]);
            logBetaTime[k] = Math.log(beta + times[k]);
        }
        double parameterTerm = r * Math.log(alpha) + s * Math.log(beta);
        double logGammaR = logGamma(r);
        double logLikelihood = 0;
        for (int f = 0; f < sample.frequencies().length; f++) {
            logLikelihood += group(f, r, s, parameterTerm, logGammaR);
        }
        return logLikelihood;
    }

    /** The log-likelihood summed over the customers with {@code frequencies()[f]} repeat transactions. */
    private double group(int f, double r, double s, double parameterTerm, double logGammaR) {
        int x = sample.frequencies()[f];
        double logShare = Math.log(s / (r + s + x));
        double logLikelihood = sample.frequencyWeight(f) * (logGamma(r + x) - logGammaR + parameterTerm);
        for (int i = sample.frequencyStart(f), end = sample.frequencyStart(f + 1); i < end; i++) {
            int ageTime = sample.ageTime(i);
            double survived = -(r + x) * logAlphaTime[ageTime] - s * logBetaTime[ageTime];
            double logA0 = LogMath.subtractExp(pairTerm[sample.recencyPair(i)], pairTerm[sample.agePair(i)]);
            logLikelihood += sample.weight(i) * LogMath.addExp(survived, logShare + logA0);
        }
        return logLikelihood;
    }
}
