package org.openretention.segmentation.rfm;

/**
 * A purchasing customer's recency, frequency and monetary scores, each 1 (worst fifth) to 5 (best fifth) of the
 * purchasing population.
 */
public record RfmScores(int recency, int frequency, int monetary) {

    public RfmScores {
        if (outOfRange(recency) || outOfRange(frequency) || outOfRange(monetary)) {
            throw new IllegalArgumentException("RFM scores are 1 to 5, got R" + recency + " F" + frequency + " M" + monetary);
        }
    }

    /**
     * The frequency-and-monetary score of the segment grid: the mean of F and M rounded down, so that half a point
     * never lifts a customer into a better segment ((5 + 4) / 2 is 4, as integer division gives it in SQL too).
     */
    public int frequencyMonetary() {
        return (frequency + monetary) / 2;
    }

    public RfmSegment segment() {
        return RfmSegment.of(recency, frequencyMonetary());
    }

    /** The customary three-digit code, e.g. "545". */
    public String code() {
        return "" + recency + frequency + monetary;
    }

    private static boolean outOfRange(int score) {
        return score < 1 || score > 5;
    }
}
