package org.openretention.feedback.sentiment;

import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.SentimentLabel;

import java.util.List;

/**
 * The sentiment of a text.
 *
 * @param label    the polarity of the score
 * @param score    from -1 (very negative) to 1 (very positive); 0 when nothing in the text carries sentiment
 * @param language what the text is written in
 * @param aspects  the aspects the text talks about, each with the sentiment of the clauses that mention it, in the
 *                 order of {@link FeedbackAspect}
 */
public record Sentiment(SentimentLabel label, double score, Language language, List<AspectSentiment> aspects) {

    public Sentiment {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
        }
        aspects = List.copyOf(aspects);
    }

    /** One aspect a text talks about and how. */
    public record AspectSentiment(FeedbackAspect aspect, SentimentLabel label, double score) {
    }
}
