package org.openretention.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the loyalty service (points ledger, member tiers, rewards, referrals and promotions). */
@ConfigMapping(prefix = "loyalty")
public interface LoyaltyConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("loyalty-service")
    String eventSource();
}
