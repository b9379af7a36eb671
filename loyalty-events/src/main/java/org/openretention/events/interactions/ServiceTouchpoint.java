package org.openretention.events.interactions;

/** Where a {@link InteractionKind#SERVICE_CONTACT} happened. */
public enum ServiceTouchpoint {
    DELIVERY, AFTER_SALES, SUPPORT
}
