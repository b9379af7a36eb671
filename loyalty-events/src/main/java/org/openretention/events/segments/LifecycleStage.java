package org.openretention.events.segments;

/**
 * Where a customer is in the relationship with the shop, as segmentation-service decides it. Every customer holds
 * exactly one stage. Adding a stage is a breaking change of {@link LifecycleStageChanged} (consumers reject a stage
 * they do not know).
 */
public enum LifecycleStage {
    /** Has ordered, but not for a long time (default: last order 180 days or more ago). */
    DORMANT,
    /** The last order is getting old (default: 150 to 179 days ago). */
    AT_RISK,
    /** Among the top spenders of the last 12 months, with large baskets. */
    HIGH_NET_WORTH,
    /** Registered or ordered for the first time recently (default: within 30 days). */
    NEW,
    /** Orders often (default: 3 or more orders in the last 90 days). */
    ACTIVE_VALUE,
    /** Registered a while ago (default: more than 30 days) and never ordered. */
    PROSPECT,
    /** Everyone else. */
    REGULAR
}
