package org.openretention.events.interactions;

/** What the customer did. */
public enum InteractionKind {
    PRODUCT_VIEW, CART_ADD, CHECK_IN, REVIEW, LIKE, COMMENT, SHARE, SERVICE_CONTACT
}
