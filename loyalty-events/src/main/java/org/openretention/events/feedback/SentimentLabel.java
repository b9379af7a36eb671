package org.openretention.events.feedback;

/** The polarity of a text as feedback-service reads it. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE
}
