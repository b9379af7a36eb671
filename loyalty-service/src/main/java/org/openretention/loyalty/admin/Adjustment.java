package org.openretention.loyalty.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * A manual correction as the ledger recorded it.
 *
 * @param actor                who made it: the caller's principal name
 * @param availablePointsAfter the member's spendable points right after it (negative while a debt is left)
 */
public record Adjustment(UUID adjustmentId, String customerId, long points, String reason, String actor, Instant at,
                         long availablePointsAfter) {
}
