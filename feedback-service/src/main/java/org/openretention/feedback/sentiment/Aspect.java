package org.openretention.feedback.sentiment;

/** What a text talks about, so that complaints can be routed and root causes counted. */
public enum Aspect {
    PRODUCT_QUALITY, PRICE, LOGISTICS, SERVICE_ATTITUDE, AFTER_SALES, PACKAGING
}
