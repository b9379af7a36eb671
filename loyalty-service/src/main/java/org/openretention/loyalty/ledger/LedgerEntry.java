package org.openretention.loyalty.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One immutable movement of a customer's points. {@code points} is signed. {@code availableAt} is when the
 * movement counts towards the available balance: the end of the return window for an order's points (and for a
 * clawback of points still pending), the event time otherwise. So the available balance as of any instant is
 * the sum of the entries available by then, and the pending balance the sum of those still to come.
 *
 * @param causeId id of the event or request that caused the movement
 * @param actor   who made a manual adjustment; null for movements caused by events
 */
public record LedgerEntry(
        String customerId,
        EntryType type,
        long points,
        String reason,
        String causeId,
        UUID lotId,
        Instant occurredAt,
        Instant availableAt,
        String actor) {
}
