package org.openretention.feedback.alert;

import java.util.Optional;

/**
 * Whether the share of negative reviews in the last hour is a spike against the trailing baseline (the hours before
 * it): at least {@code minNegatives} negative reviews in the hour, and a negative share at least {@code factor} times
 * the baseline's and at least {@code minLift} above it (so that a quiet baseline of 0 % does not make every bad
 * review an alert). With no baseline reviews, the baseline share counts as 0.
 */
public record NegativeSpike(int minNegatives, double factor, double minLift) {

    public NegativeSpike {
        if (minNegatives < 1 || !(factor >= 1) || !(minLift >= 0 && minLift < 1)) {
            throw new IllegalArgumentException("need minNegatives >= 1, factor >= 1 and 0 <= minLift < 1");
        }
    }

    /** Defaults: 5 negative reviews, twice the baseline share, 15 points above it. */
    public static NegativeSpike defaults() {
        return new NegativeSpike(5, 2.0, 0.15);
    }

    /** What an alert says about the hour against its baseline. */
    public record Spike(long negatives, long reviews, double share, double baselineShare) {
    }

    public Optional<Spike> check(long negatives, long reviews, long baselineNegatives, long baselineReviews) {
        if (negatives < 0 || reviews < negatives || baselineNegatives < 0 || baselineReviews < baselineNegatives) {
            throw new IllegalArgumentException("need 0 <= negatives <= reviews in both windows");
        }
        if (negatives < minNegatives) {
            return Optional.empty();
        }
        double share = negatives / (double) reviews;
        double baseline = baselineReviews == 0 ? 0 : baselineNegatives / (double) baselineReviews;
        boolean spike = share >= factor * baseline && share >= baseline + minLift;
        return spike ? Optional.of(new Spike(negatives, reviews, share, baseline)) : Optional.empty();
    }
}
