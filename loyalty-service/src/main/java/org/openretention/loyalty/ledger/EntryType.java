package org.openretention.loyalty.ledger;

/** The kinds of movement on a points ledger. */
public enum EntryType {
    /** Points earned by buying or by an interaction. */
    EARN,
    /** Points given as a bonus: welcome, birthday gift, promotion bonus. */
    BONUS,
    /** Points earned through a referral, by the referrer or the referee. */
    REFERRAL,
    /** Points spent on a reward. */
    REDEEM,
    /** Points that reached their expiry date unspent. */
    EXPIRE,
    /** Points taken back because their order was refunded or cancelled. */
    CLAWBACK,
    /** A manual correction by an administrator. */
    ADJUST
}
