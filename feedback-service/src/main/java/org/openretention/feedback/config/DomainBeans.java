package org.openretention.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openretention.feedback.sentiment.Lexicon;
import org.openretention.feedback.sentiment.SentimentAnalyzer;

/**
 * The domain's plain-Java parts as beans: one sentiment analyser with the bundled word lists (it holds no state per
 * call), and the clock of "now", which tests may replace.
 */
public class DomainBeans {

    @Produces
    @Singleton
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Produces
    @Singleton
    SentimentAnalyzer sentimentAnalyzer() {
        return new SentimentAnalyzer(Lexicon.bundled());
    }
}
