package org.openretention.events.feedback;

/**
 * The sentiment of one aspect a text talks about.
 *
 * @param aspect what it is about
 * @param label  its polarity
 * @param score  from -1 to 1
 */
public record AspectSentiment(FeedbackAspect aspect, SentimentLabel label, double score) {
}
