package org.openretention.loyalty.catalog;

import org.openretention.events.loyalty.RewardType;

import java.time.Instant;
import java.util.UUID;

/** A reward of the catalogue. {@code stock} is null for an unlimited reward. */
public record Reward(UUID id, String name, long pointsCost, RewardType type, Integer stock, Instant validFrom, Instant validTo,
                     String minTier, boolean active, Instant createdAt, Instant updatedAt) {

    /** Whether the reward may be redeemed at {@code t} as far as its validity window goes: [validFrom, validTo). */
    public boolean validAt(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validTo == null || t.isBefore(validTo));
    }
}
