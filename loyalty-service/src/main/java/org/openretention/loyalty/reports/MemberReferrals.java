package org.openretention.loyalty.reports;

import org.openretention.loyalty.member.Referral;

import java.time.Instant;
import java.util.List;

/**
 * A member's referrals as the referrer: their own code, whom they invited and what it earned them.
 *
 * @param invited      customers who registered with the member's code
 * @param converted    of those, the ones whose first order survived its return window
 * @param pointsEarned referrer points credited for the converted ones
 */
public record MemberReferrals(String customerId, String referralCode, long invited, long converted, long pointsEarned,
                              List<Entry> referrals) {

    /** One invited customer. */
    public record Entry(String refereeId, Instant invitedAt, Referral.Status status, Instant convertedAt) {
    }
}
