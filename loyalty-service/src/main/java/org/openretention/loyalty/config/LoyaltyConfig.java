package org.openretention.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** Settings of the loyalty programme that are not administered over the API. */
@ConfigMapping(prefix = "loyalty")
public interface LoyaltyConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("loyalty-service")
    String eventSource();

    /** The shop's no-questions-asked return period: an order's points are pending until it ends. */
    @WithDefault("P7D")
    Duration returnWindow();

    /** Points expire at the end of the month this many months after they were earned. */
    @WithDefault("12")
    int pointsExpiryMonths();

    /** How long before points expire the member is told ({@code PointsExpiring}). */
    @WithDefault("P30D")
    Duration expiringNotice();

    /** The programme's calendar for daily caps, expiry months and birthdays. */
    @WithDefault("UTC")
    ZoneId timezone();

    /** The programme currency: tier thresholds and the liability report are in it. */
    @WithDefault("CNY")
    String currency();

    /** Value in the programme currency of one unit of another currency, for tier spend; 1 when absent. */
    Map<String, BigDecimal> exchangeRates();

    /** Money value of one point, in the programme currency, for the liability report. */
    @WithDefault("0.01")
    BigDecimal pointValue();

    /** The grace rule: at requalification a member drops at most this many tiers. */
    @WithDefault("1")
    int maxDowngradeSteps();

    /** Key of the hash kept of erased customers' ids, so their late events are ignored without keeping the id. */
    @WithDefault("change-me-in-production")
    String erasureHashKey();

    /** How often the maintenance job runs (release, expiry, requalification, birthdays, referrals, notices). */
    @WithDefault("60s")
    String maintenanceEvery();

    /** Members handled per maintenance transaction. */
    @WithDefault("500")
    int maintenanceBatch();

    /**
     * Most lots and orders (together) kept in memory between batches for the members this instance works on
     * ({@code MemberCache}); 0 turns the cache off. When absent: as many as about 40 % of the heap holds (at some
     * 300 bytes a row), e.g. about 1.4 million with a 1 GiB heap.
     */
    java.util.OptionalLong memberCacheMaxRows();
}
