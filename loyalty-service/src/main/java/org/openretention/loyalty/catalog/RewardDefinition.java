package org.openretention.loyalty.catalog;

import org.openretention.events.loyalty.RewardType;

import java.time.Instant;

/**
 * A reward as an administrator defines it, before it is stored.
 *
 * @param stock  how many are left; null for an unlimited reward
 * @param active null keeps the stored flag on a change and means true for a new reward
 */
public record RewardDefinition(String name, long pointsCost, RewardType type, Integer stock, Instant validFrom, Instant validTo,
                               String minTier, Boolean active) {
}
