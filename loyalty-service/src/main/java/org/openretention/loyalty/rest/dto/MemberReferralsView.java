package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.member.Referral;
import org.openretention.loyalty.reports.MemberReferrals;

import java.time.Instant;
import java.util.List;

/**
 * A member's referrals as the referrer: their own code, whom they invited and what it earned them.
 *
 * @param invited      customers who registered with the member's code
 * @param converted    of those, the ones whose first order survived its return window
 * @param pointsEarned referrer points credited for the converted ones
 */
@Schema(name = "MemberReferrals")
public record MemberReferralsView(String customerId, String referralCode, long invited, long converted, long pointsEarned,
                                  List<Entry> referrals) {

    public static MemberReferralsView of(MemberReferrals r) {
        return new MemberReferralsView(r.customerId(), r.referralCode(), r.invited(), r.converted(), r.pointsEarned(),
                r.referrals().stream().map(e -> new Entry(e.refereeId(), e.invitedAt(), e.status(), e.convertedAt())).toList());
    }

    /** One invited customer. */
    @Schema(name = "ReferralEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String refereeId, Instant invitedAt, Referral.Status status, Instant convertedAt) {
    }
}
