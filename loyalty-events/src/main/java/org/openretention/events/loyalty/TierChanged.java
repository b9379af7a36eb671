package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's tier changed. Published by loyalty-service on {@code loyalty-events}; the envelope's
 * {@code customerId} is the member. Tier names are configured by the shop's administrators: upper-case
 * letters, digits and underscores, e.g. {@code MEMBER}, {@code SILVER}, {@code GOLD}, {@code DIAMOND}.
 *
 * @param fromTier              the previous tier; absent when the member gets a first tier (enrolment)
 * @param toTier                the new tier
 * @param reason                why the tier changed
 * @param qualifyingSpend       the member's qualifying spend when the tier changed, >= 0, in {@code currency}
 * @param currency              ISO 4217 code of {@code qualifyingSpend}
 * @param nextRequalificationAt when the new tier is next re-evaluated, if it ever is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TierChanged(
        String fromTier,
        String toTier,
        TierChangeReason reason,
        BigDecimal qualifyingSpend,
        String currency,
        Instant nextRequalificationAt) implements EventPayload {
}
