package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

/**
 * A customer invited by a member (the referee) completed a qualifying order, so the referral counts. Published by
 * loyalty-service on {@code loyalty-events}; the envelope's {@code customerId} is the <em>referrer</em>, the
 * member who invited.
 *
 * @param refereeId         customerId of the invited customer
 * @param referralCode      the referrer's referral code the referee registered with
 * @param qualifyingOrderId the referee's order that converted the referral
 * @param referrerPoints    points credited to the referrer for it, >= 0
 * @param refereePoints     points credited to the referee for it, >= 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralConverted(
        String refereeId,
        String referralCode,
        String qualifyingOrderId,
        long referrerPoints,
        long refereePoints) implements EventPayload {
}
