package org.openretention.loyalty.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.admin.Adjustment;

import java.time.Instant;
import java.util.UUID;

/**
 * A manual correction as the ledger recorded it.
 *
 * @param actor                who made it: the caller's principal name
 * @param availablePointsAfter the member's spendable points right after it (negative while a debt is left)
 */
@Schema(name = "Adjustment")
public record AdjustmentView(UUID adjustmentId, String customerId, long points, String reason, String actor, Instant at,
                             long availablePointsAfter) {

    public static AdjustmentView of(Adjustment a) {
        return new AdjustmentView(a.adjustmentId(), a.customerId(), a.points(), a.reason(), a.actor(), a.at(), a.availablePointsAfter());
    }
}
