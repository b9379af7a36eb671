package org.openretention.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** Settings of the segmentation service (customer profiles, RFM scores, lifecycle stages, churn and CLV models). */
@ConfigMapping(prefix = "segmentation")
public interface SegmentationConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("segmentation-service")
    String eventSource();

    /** The shop's calendar: the days and months of the profile's windows, repeat intervals and stage rules. */
    @WithDefault("UTC")
    ZoneId timezone();

    /** The reporting currency: every amount of a profile is converted into it, so customers can be compared. */
    @WithDefault("CNY")
    String currency();

    /**
     * Value in the reporting currency of one unit of another currency. An order or refund in a currency without a
     * rate is dead-lettered: counting it one to one would distort the profile.
     */
    Map<String, BigDecimal> exchangeRates();

    /** Key of the hash kept of erased customers' ids, so their late events are ignored without keeping the id. */
    @WithDefault("change-me-in-production")
    String erasureHashKey();

    /**
     * How long the facts of the whole customer base (the high-net-worth spend cut and the mean order value) are
     * reused by the profile API's lifecycle stage before they are computed again.
     */
    @WithDefault("PT1M")
    Duration populationFactsFor();
}
