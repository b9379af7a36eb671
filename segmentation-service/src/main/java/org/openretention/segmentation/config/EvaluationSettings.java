package org.openretention.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the time-driven evaluation of every customer's segments ({@code service/Evaluation}). */
@ConfigMapping(prefix = "segmentation.evaluation")
public interface EvaluationSettings {

    /** How often the scheduled evaluation runs (a Quarkus scheduler period such as {@code 1h}), or {@code off}. */
    @WithDefault("1h")
    String every();

    /** Changes published per outbox row: one {@code Outbox.publishAll} per chunk. */
    @WithDefault("2000")
    int publishChunk();

    /**
     * PostgreSQL's {@code work_mem} for the evaluation's transaction ({@code SET LOCAL}): its sorts (the RFM quintiles)
     * and hash joins over every customer stay in memory instead of spilling to disk. A number with kB, MB or GB.
     */
    @WithDefault("256MB")
    String workMem();

    /** The transaction timeout of one evaluation (it evaluates, writes and publishes in one transaction). */
    @WithDefault("PT15M")
    Duration timeout();

    /** Days before the expected next purchase a {@code RepurchaseDue} is published ({@code RepurchaseTiming}). */
    @WithDefault("3")
    int repurchaseLeadDays();

    /** Days after the expected next purchase a {@code RepurchaseDue} not yet published still is. */
    @WithDefault("7")
    int repurchaseLateDays();

    /** Own gaps between orders needed before the customer's own median interval is used, not their category's. */
    @WithDefault("2")
    int repurchaseMinIntervals();
}
