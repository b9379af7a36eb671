package org.openretention.feedback.sentiment;

/** The polarity of a text or an aspect of it. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE;

    /** The label of a score in [-1, 1]: beyond ±{@value SentimentAnalyzer#NEUTRAL_BAND} it has a polarity. */
    static SentimentLabel of(double score) {
        return score > SentimentAnalyzer.NEUTRAL_BAND ? POSITIVE : score < -SentimentAnalyzer.NEUTRAL_BAND ? NEGATIVE : NEUTRAL;
    }
}
