package org.openretention.events.loyalty;

/** Where earned points come from (see {@link PointsEarned#reason()} for the finer-grained reason). */
public enum PointsSource {
    /** Earned by buying or by an activity the shop rewards (order, check-in, review, share). */
    EARN,
    /** Granted as a bonus (welcome bonus, birthday gift, promotion). */
    BONUS,
    /** Granted for a referral, to the referrer or to the referee. */
    REFERRAL,
    /** Added by an administrator's adjustment. */
    ADJUST
}
