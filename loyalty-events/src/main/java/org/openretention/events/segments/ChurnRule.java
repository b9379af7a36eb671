package org.openretention.events.segments;

/** Why segmentation-service flagged a customer as a churn risk. */
public enum ChurnRule {
    /** The purchase model's probability that the customer is still alive fell below the configured threshold. */
    PROBABILITY_ALIVE_BELOW_THRESHOLD,
    /** The customer entered the {@link LifecycleStage#AT_RISK} lifecycle stage. */
    ENTERED_AT_RISK
}
