package org.openretention.events.loyalty;

/** What kind of reward a member redeemed. */
public enum RewardType {
    /** A coupon for the shop; the redemption carries the coupon code. */
    COUPON,
    /** A physical gift. */
    GIFT,
    /** A service, e.g. free shipping or gift wrapping. */
    SERVICE,
    /** Money back to the customer. */
    CASHBACK
}
