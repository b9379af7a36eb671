package org.openretention.segmentation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.openretention.segmentation.model.SpecialFunctions.digamma;
import static org.openretention.segmentation.model.SpecialFunctions.logGamma;

/**
 * The BG/NBD log-likelihood of a compressed sample and its analytic gradient. Per evaluation the logarithms of
 * {@code α + t} are taken once per distinct time and the gamma functions once per distinct x, so a row costs one
 * exponential and one logarithm (and only the rows with repeat transactions).
 *
 * <p>Large samples are summed in parallel, in pieces of at most {@link #PIECE_ROWS} rows of one x each (pieces of
 * equal size, so that the big groups of small x do not leave a core idle; splitting by x group alone gained nothing
 * measurable on two cores).
 */
final class BgNbdLikelihood implements Objective {

    private static final int LOG_LIKELIHOOD = 0;
    private static final int BY_R = 1;
    private static final int BY_ALPHA = 2;
    private static final int BY_A = 3;
    private static final int BY_B = 4;

    /** Rows per piece of the sum; a sample of fewer rows is summed on the caller's thread. */
    static final int PIECE_ROWS = 16_384;

    private final CompressedSample sample;
    private final double[] logAlphaTime;
    private final double[] inverseAlphaTime;
    /** The pieces of the sum: frequency group, first row, end row. */
    private final int[][] pieces;

    BgNbdLikelihood(CompressedSample sample) {
        this.sample = sample;
        this.logAlphaTime = new double[sample.times().length];
        this.inverseAlphaTime = new double[sample.times().length];
        List<int[]> split = new ArrayList<>();
        for (int f = 0; f < sample.frequencies().length; f++) {
            int end = sample.frequencyStart(f + 1);
            for (int from = sample.frequencyStart(f); from < end; from += PIECE_ROWS) {
                split.add(new int[] {f, from, Math.min(end, from + PIECE_ROWS)});
            }
        }
        this.pieces = split.toArray(int[][]::new);
    }

    /** On log-parameters: the negative mean log-likelihood per customer and its gradient. */
    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        double r = Math.exp(point[0]);
        double alpha = Math.exp(point[1]);
        double a = Math.exp(point[2]);
        double b = Math.exp(point[3]);
        double[] byParameter = new double[4];
        double logLikelihood = logLikelihood(r, alpha, a, b, byParameter);
        double customers = sample.customers();
        gradient[0] = -byParameter[0] * r / customers;
        gradient[1] = -byParameter[1] * alpha / customers;
        gradient[2] = -byParameter[2] * a / customers;
        gradient[3] = -byParameter[3] * b / customers;
        return -logLikelihood / customers;
    }

    /**
     * The weighted sum of the customers' log-likelihoods; when {@code gradient} is not null, its derivatives by
     * r, α, a and b are written into it.
     */
    double logLikelihood(double r, double alpha, double a, double b, double[] gradient) {
        double[] times = sample.times();
        for (int k = 0; k < times.length; k++) {
            logAlphaTime[k] = Math.log(alpha + times[k]);
            inverseAlphaTime[k] = 1 / (alpha + times[k]);
        }
        Parameters parameters = new Parameters(r, alpha, a, b);
        IntStream indices = IntStream.range(0, pieces.length);
        if (sample.rows() > PIECE_ROWS) {
            indices = indices.parallel();
        }
        double[] total = indices.mapToObj(k -> piece(pieces[k][0], pieces[k][1], pieces[k][2], parameters))
                .reduce(new double[BY_B + 1], BgNbdLikelihood::plus);
        if (gradient != null) {
            gradient[0] = total[BY_R];
            gradient[1] = total[BY_ALPHA];
            gradient[2] = total[BY_A];
            gradient[3] = total[BY_B];
        }
        return total[LOG_LIKELIHOOD];
    }

    private static double[] plus(double[] left, double[] right) {
        double[] sum = new double[left.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = left[i] + right[i];
        }
        return sum;
    }

    /**
     * The log-likelihood and its derivatives summed over the rows {@code from} (inclusive) to {@code end} of the
     * customers with {@code frequencies()[f]} repeats.
     */
    private double[] piece(int f, int from, int end, Parameters p) {
        int x = sample.frequencies()[f];
        double customers = 0;
        for (int i = from; i < end; i++) {
            customers += sample.weight(i);
        }
        double rx = p.r + x;
        double common = p.r * p.logAlpha;
        double commonByR = p.logAlpha;
        double commonByA = 0;
        double commonByB = 0;
        if (x > 0) {
            common += logGamma(rx) - p.logGammaR + logGamma(p.b + x) - p.logGammaB + p.logGammaAB
                    - logGamma(p.a + p.b + x);
            double digammaABX = digamma(p.a + p.b + x);
            commonByR += digamma(rx) - p.digammaR;
            commonByA = p.digammaAB - digammaABX;
            commonByB = digamma(p.b + x) - p.digammaB + p.digammaAB - digammaABX;
        }

        double logOdds = x > 0 ? p.logA - Math.log(p.b + x - 1) : 0;
        double ageLog = 0;
        double ageInverse = 0;
        double logOnePlusOdds = 0;
        double droppedOut = 0;
        double droppedOutLogGap = 0;
        double droppedOutInverseGap = 0;
        for (int i = from; i < end; i++) {
            double w = sample.weight(i);
            int ageTime = sample.ageTime(i);
            double logAge = logAlphaTime[ageTime];
            ageLog += w * logAge;
            ageInverse += w * inverseAlphaTime[ageTime];
            if (x > 0) {
                int recencyTime = sample.recencyTime(i);
                double logGap = logAge - logAlphaTime[recencyTime];
                double u = logOdds + rx * logGap;
                double e = Math.exp(-Math.abs(u));
                double dropout = w * (u >= 0 ? 1 / (1 + e) : e / (1 + e));
                logOnePlusOdds += w * (Math.max(u, 0) + Math.log1p(e));
                droppedOut += dropout;
                droppedOutLogGap += dropout * logGap;
                droppedOutInverseGap += dropout * (inverseAlphaTime[ageTime] - inverseAlphaTime[recencyTime]);
            }
        }
        double[] result = new double[BY_B + 1];
        result[LOG_LIKELIHOOD] = customers * common - rx * ageLog + logOnePlusOdds;
        result[BY_R] = customers * commonByR - ageLog + droppedOutLogGap;
        result[BY_ALPHA] = customers * p.r / p.alpha - rx * ageInverse + rx * droppedOutInverseGap;
        result[BY_A] = customers * commonByA + (x > 0 ? droppedOut / p.a : 0);
        result[BY_B] = customers * commonByB - (x > 0 ? droppedOut / (p.b + x - 1) : 0);
        return result;
    }

    /** The parameters with the functions of them that every group needs. */
    private record Parameters(double r, double alpha, double a, double b, double logAlpha, double logA,
                              double logGammaR, double logGammaB, double logGammaAB,
                              double digammaR, double digammaB, double digammaAB) {

        Parameters(double r, double alpha, double a, double b) {
            this(r, alpha, a, b, Math.log(alpha), Math.log(a), logGamma(r), logGamma(b), logGamma(a + b),
                    digamma(r), digamma(b), digamma(a + b));
        }
    }
}
