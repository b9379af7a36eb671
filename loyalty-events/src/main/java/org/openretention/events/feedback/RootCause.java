package org.openretention.events.feedback;

/** What a resolved complaint was found to be about: an aspect of {@link FeedbackAspect}, or something else. */
public enum RootCause {
    PRODUCT_QUALITY, PRICE, LOGISTICS, SERVICE_ATTITUDE, AFTER_SALES, PACKAGING, OTHER
}
