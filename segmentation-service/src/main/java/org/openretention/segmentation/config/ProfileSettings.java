package org.openretention.segmentation.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.openretention.segmentation.lifecycle.StageRules;
import org.openretention.segmentation.lifecycle.StageThresholds;
import org.openretention.segmentation.profile.ReportingCurrency;

/** The domain's settings as the domain takes them, made from {@link SegmentationConfig}. */
public class ProfileSettings {

    @Produces
    @Singleton
    ReportingCurrency reportingCurrency(SegmentationConfig config) {
        return new ReportingCurrency(config.currency(), config.exchangeRates());
    }

    /** The stage rules with their default thresholds, in the shop's zone. */
    @Produces
    @Singleton
    StageRules stageRules(SegmentationConfig config) {
        StageThresholds d = StageThresholds.defaults();
        return new StageRules(new StageThresholds(d.dormantDays(), d.atRiskDays(), d.hnwSpendPercentile(), d.hnwAovMultiple(),
                d.meanAovOverride(), d.newDays(), d.activeOrders90d(), config.timezone()));
    }
}
