package org.openretention.events.feedback;

/** What a text talks about, so that complaints can be routed and root causes counted. */
public enum FeedbackAspect {
    PRODUCT_QUALITY, PRICE, LOGISTICS, SERVICE_ATTITUDE, AFTER_SALES, PACKAGING
}
