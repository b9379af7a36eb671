package org.openretention.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** Settings of the feedback service (NPS, CSAT, complaints with SLA timers, and sentiment of reviews and comments). */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("feedback-service")
    String eventSource();

    /** The shop's time zone: reports group answers by its days, weeks and months; business hours are its hours. */
    @WithDefault("UTC")
    ZoneId timezone();

    Complaints complaints();

    Invitations invitations();

    /** Whom the surveys ask (survey.InvitationPolicy). */
    interface Invitations {

        /** At most one NPS invitation per customer in this period. */
        @WithDefault("P90D")
        Duration npsQuietPeriod();

        /** The share of completed orders followed by an NPS invitation (when the quiet period allows). */
        @WithDefault("0.2")
        double npsSampleRate();

        /** The share of service contacts followed by a CSAT invitation for their touchpoint. */
        @WithDefault("0.5")
        double csatSampleRate();
    }

    /** Complaints: SLAs, business hours, and when a text opens one by itself. */
    interface Complaints {

        /** Business hours of NORMAL complaints' first-contact clock, on {@link #workingDays()}, in the shop's zone. */
        @WithDefault("09:00")
        LocalTime opens();

        @WithDefault("18:00")
        LocalTime closes();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> workingDays();

        /** First contact of a NORMAL complaint within this much business time. */
        @WithDefault("PT2H")
        Duration normalFirstContact();

        /** First contact of an URGENT or MAJOR complaint within this much time, around the clock. */
        @WithDefault("PT30M")
        Duration urgentFirstContact();

        /**
         * A review, comment or survey comment whose sentiment score is at or below this is published as
         * {@code NegativeReviewDetected}.
         */
        @WithDefault("-0.5")
        double negativeThreshold();

        /** ... and at or below this opens a complaint by itself (once per customer and order while one is unresolved). */
        @WithDefault("-0.7")
        double automaticThreshold();

        /**
         * A text written longer ago than this when it is read opens no complaint by itself (it is still stored, counted
         * and published): a backfill of old reviews would otherwise fill the queue with complaints breached on arrival.
         */
        @WithDefault("P7D")
        Duration automaticMaxAge();

        /** Earlier complaints of the customer within this period make a new one more severe. */
        @WithDefault("P90D")
        Duration repeatLookBack();

        /**
         * Loyalty tiers whose members count as high-net-worth for the grading (as do customers segmentation-service
         * puts in the HIGH_NET_WORTH stage).
         */
        @WithDefault("GOLD,PLATINUM")
        Set<String> highValueTiers();
    }
}
