package org.openretention.feedback.sentiment;

/** The language of a text, as the sentiment analysis reads it. */
public enum Language {
    /** Chinese characters only, or nearly (Latin letters under a fifth of the letters). */
    ZH,
    /** Latin letters only, or nearly. */
    EN,
    /** Both, each at least a fifth of the letters. */
    MIXED,
    /** No letters at all (only digits, punctuation, emoticons). */
    UNKNOWN
}
