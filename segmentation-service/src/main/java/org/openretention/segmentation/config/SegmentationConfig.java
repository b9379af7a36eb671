package org.openretention.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the segmentation service (customer profiles, RFM scores, lifecycle stages, churn and CLV models). */
@ConfigMapping(prefix = "segmentation")
public interface SegmentationConfig {

    /** The {@code source} stamped on the events this service publishes. */
    @WithDefault("segmentation-service")
    String eventSource();
}
