package org.openretention.events.loyalty;

/** Why a member's tier changed. */
public enum TierChangeReason {
    /** The member's qualifying spend reached the threshold of the new tier (also: enrolment into the entry tier). */
    THRESHOLD_CROSSED,
    /** The periodic requalification re-evaluated the member's tier (typically a downgrade). */
    REQUALIFICATION,
    /** An administrator set the tier by hand. */
    ADMIN
}
