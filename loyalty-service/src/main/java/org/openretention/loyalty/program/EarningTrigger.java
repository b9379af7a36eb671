package org.openretention.loyalty.program;

/** What a customer does that earns points; promotions name the triggers they boost. */
public enum EarningTrigger {
    ORDER, CHECK_IN, REVIEW, SHARE, REFERRAL
}
