package org.openretention.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openretention.feedback.sentiment.Lexicon;
import org.openretention.feedback.sentiment.SentimentAnalyzer;

/** The sentiment analysis as a bean: one analyser with the bundled word lists, shared (it holds no state per call). */
public class SentimentBeans {

    @Produces
    @Singleton
    SentimentAnalyzer sentimentAnalyzer() {
        return new SentimentAnalyzer(Lexicon.bundled());
    }
}
