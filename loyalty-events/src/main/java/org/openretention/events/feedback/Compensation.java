package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * What a customer was given to make up for a complaint, for campaign-service to deliver as an offer.
 *
 * @param kind        POINTS, COUPON, REFUND or GIFT
 * @param points      loyalty points (> 0), required for POINTS, absent otherwise
 * @param amount      the amount (> 0) of a COUPON or REFUND, in {@code currency}; absent for POINTS and GIFT
 * @param currency    ISO 4217 code of {@code amount}; present exactly when it is
 * @param description what support wrote about it, if anything
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Compensation(
        Kind kind,
        Long points,
        BigDecimal amount,
        String currency,
        String description) {

    public enum Kind {
        POINTS, COUPON, REFUND, GIFT
    }
}
