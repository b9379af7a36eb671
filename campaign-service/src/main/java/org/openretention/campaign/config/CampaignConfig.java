package org.openretention.campaign.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the campaign service (triggered and scheduled retention campaigns, offers, A/B tests and attribution). */
@ConfigMapping(prefix = "campaign")
public interface CampaignConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("campaign-service")
    String eventSource();
}
