package org.openretention.loyalty.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A quantity of points earned together: they become available together, expire together and, for an order's
 * points, are clawed back together. {@code remaining} falls as redemptions, expiry, clawbacks and debt
 * settlement consume the lot, and never below zero.
 */
public final class PointsLot {

    private final UUID id;
    private final String customerId;
    private final EntryType source;
    private final String reason;
    private final String orderId;
    private final String causeId;
    private final Instant earnedAt;
    private final Instant availableAt;
    private final Instant expiresAt;
    private long amount;
    private long remaining;
    private long expired;
    private boolean expiryNotified;
    private boolean changed;

    public PointsLot(UUID id, String customerId, EntryType source, String reason, String orderId, String causeId,
                     Instant earnedAt, Instant availableAt, Instant expiresAt, long amount, long remaining, long expired, boolean expiryNotified) {
        if (amount <= 0 || remaining < 0 || expired < 0 || remaining + expired > amount) {
            throw new IllegalArgumentException("lot " + id + ": amount " + amount + ", remaining " + remaining);
        }
        this.id = Objects.requireNonNull(id);
        this.customerId = customerId;
        this.source = source;
        this.reason = reason;
        this.orderId = orderId;
        this.causeId = causeId;
        this.earnedAt = earnedAt;
        this.availableAt = availableAt;
        this.expiresAt = expiresAt;
        this.amount = amount;
        this.remaining = remaining;
        this.expired = expired;
        this.expiryNotified = expiryNotified;
    }

    /** Takes up to {@code points} from the lot; returns how many it took. */
    long take(long points) {
        long taken = Math.min(points, remaining);
        remaining -= taken;
        if (taken > 0) {
            changed = true;
        }
        return taken;
    }

    /** Expires what is left of the lot; returns how many points expired. */
    long expire() {
        long left = remaining;
        remaining = 0;
        expired += left;
        if (left > 0) {
            changed = true;
        }
        return left;
    }

    /** Adds points to a lot that gathers small earnings of the same kind and expiry (interactions). */
    void add(long points) {
        amount += points;
        remaining += points;
        changed = true;
    }

    /** A copy with the same state, for a read that may change it (bring it to now) without touching this one. */
    public PointsLot copy() {
        PointsLot copy = new PointsLot(id, customerId, source, reason, orderId, causeId, earnedAt, availableAt, expiresAt, amount,
                remaining, expired, expiryNotified);
        copy.changed = changed;
        return copy;
    }

    /** The lot as stored now: kept in memory for the next batch, it counts as unchanged. */
    public void markSaved() {
        changed = false;
    }

    void markExpiryNotified() {
        expiryNotified = true;
        changed = true;
    }

    public boolean isAvailableAt(Instant t) {
        return !availableAt.isAfter(t);
    }

    public boolean isExpiredAt(Instant t) {
        return !expiresAt.isAfter(t);
    }

    public UUID id() { return id; }
    public String customerId() { return customerId; }
    public EntryType source() { return source; }
    public String reason() { return reason; }
    public String orderId() { return orderId; }
    public String causeId() { return causeId; }
    public Instant earnedAt() { return earnedAt; }
    public Instant availableAt() { return availableAt; }
    public Instant expiresAt() { return expiresAt; }
    public long amount() { return amount; }
    public long remaining() { return remaining; }
    public long expired() { return expired; }
    public boolean expiryNotified() { return expiryNotified; }
    public boolean changed() { return changed; }
}
