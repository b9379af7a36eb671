package org.openretention.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the churn and CLV model fits and of the scores made with the active fit (docs/segmentation.md "Model fits"). */
@ConfigMapping(prefix = "segmentation.models")
public interface ModelSettings {

    /** The purchase model the scores use; {@code auto} takes the one with the lower holdout error of the latest comparison. */
    enum PurchaseModelChoice { AUTO, BG_NBD, PARETO_NBD }

    /**
     * How often the scheduled fit runs (calibration end yesterday, whole customer base, activated when it may be), as
     * Quarkus's {@code @Scheduled(every)} reads it: {@code 24h}, {@code 6h}, or {@code off}.
     */
    @WithDefault("24h")
    String fitEvery();

    /**
     * Which purchase model scores customers: {@code PARETO_NBD} (default), {@code BG_NBD} or {@code auto}. Pareto/NBD is
     * the default because it alone can count a product view or cart add after the last order as a sign of life, and
     * because BG/NBD gives every customer without a repeat purchase a probability alive of 1 (docs/segmentation.md
     * "Which purchase model scores").
     */
    @WithDefault("PARETO_NBD")
    PurchaseModelChoice purchaseModel();

    /** The monthly discount rate of the 12-month customer lifetime value. */
    @WithDefault("0.01")
    double monthlyDiscountRate();

    /**
     * The churn flag's threshold: a customer with at least one repeat purchase whose probability alive (by the active
     * fit's purchase model) is below it is flagged, rule {@code PROBABILITY_ALIVE_BELOW_THRESHOLD}.
     */
    @WithDefault("0.3")
    double churnThreshold();

    /**
     * The churn flag's feedback rule (ChurnRule FEEDBACK): an NPS detractor or a customer with an unresolved complaint is
     * flagged while the probability alive is below this, higher than {@link #churnThreshold()}: unhappy customers are
     * worth winning back sooner.
     */
    @WithDefault("0.6")
    double feedbackChurnThreshold();

    /** How long a customer's latest NPS answer counts for the DETRACTOR and PROMOTER tags and the feedback rule. */
    @WithDefault("P365D")
    java.time.Duration npsValidFor();
}
