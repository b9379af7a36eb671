package org.openretention.events.segments;

/** Where the interval of an expected repurchase comes from. */
public enum RepurchaseBasis {
    /** The median of the customer's own gaps between orders (at least 2 gaps). */
    OWN_MEDIAN_INTERVAL,
    /** The typical gap between orders of the customer's top category, across all customers. */
    CATEGORY_TYPICAL_INTERVAL
}
