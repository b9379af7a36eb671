package org.openretention.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Settings of the feedback service (NPS, CSAT, complaints with SLA timers, and sentiment of reviews and comments). */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("feedback-service")
    String eventSource();

    /** The shop's time zone: reports group answers by its days, weeks and months. */
    @WithDefault("UTC")
    ZoneId timezone();
}
