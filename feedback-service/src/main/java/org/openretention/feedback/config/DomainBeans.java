package org.openretention.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openretention.feedback.complaint.BusinessCalendar;
import org.openretention.feedback.complaint.SeverityGrader;
import org.openretention.feedback.complaint.SlaPolicy;
import org.openretention.feedback.sentiment.Lexicon;
import org.openretention.feedback.sentiment.SentimentAnalyzer;

/**
 * The domain's plain-Java parts as beans: one sentiment analyser and one severity grader with the bundled word lists
 * (they hold no state per call), the first-contact deadlines of the configured business calendar, and the clock of
 * "now", which tests may replace.
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

    @Produces
    @Singleton
    SeverityGrader severityGrader() {
        return SeverityGrader.bundled();
    }

    @Produces
    @Singleton
    SlaPolicy slaPolicy(FeedbackConfig config) {
        FeedbackConfig.Complaints c = config.complaints();
        return new SlaPolicy(new BusinessCalendar(config.timezone(), c.opens(), c.closes(), c.workingDays()),
                c.normalFirstContact(), c.urgentFirstContact());
    }
}
