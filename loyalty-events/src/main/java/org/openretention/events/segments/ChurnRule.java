package org.openretention.events.segments;

/** Why segmentation-service flagged a customer as a churn risk. */
public enum ChurnRule {
    /** The purchase model's probability that the customer is still alive fell below the configured threshold. */
    PROBABILITY_ALIVE_BELOW_THRESHOLD,
    /** The customer entered the {@link LifecycleStage#AT_RISK} lifecycle stage. */
    ENTERED_AT_RISK,
    /**
     * The customer is unhappy (an NPS detractor, or has an unresolved complaint, as feedback-service reported) and the
     * purchase model's probability alive is below the feedback threshold, higher than the model's own.
     */
    FEEDBACK
}
