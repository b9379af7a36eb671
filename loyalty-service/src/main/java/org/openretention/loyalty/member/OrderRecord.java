package org.openretention.loyalty.member;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** What the programme keeps of an order: its spend, refunds, and the points it earned and lost. */
public final class OrderRecord {
    public enum Status { COMPLETED, PARTIALLY_REFUNDED, REFUNDED, CANCELLED }

    final String orderId;
    final String customerId;
    final Instant occurredAt;
    final String currency;
    final BigDecimal netAmount;
    final BigDecimal qualifyingAmount;
    BigDecimal refundedAmount;
    /** All the points the order earned, its welcome bonus included. */
    long points;
    /** The welcome bonus among {@link #points}, if the order carried it: clawed back only when the order is fully refunded. */
    final long welcomePoints;
    long pointsClawed;
    Status status;
    boolean changed;
    /** Not stored yet: saved with an insert, not an update. */
    boolean fresh;

    public OrderRecord(String orderId, String customerId, Instant occurredAt, String currency, BigDecimal netAmount,
                       BigDecimal qualifyingAmount, BigDecimal refundedAmount, long points, long welcomePoints, long pointsClawed, Status status) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.occurredAt = occurredAt;
        this.currency = currency;
        this.netAmount = netAmount;
        this.qualifyingAmount = qualifyingAmount;
        this.refundedAmount = refundedAmount;
        this.points = points;
        this.welcomePoints = welcomePoints;
        this.pointsClawed = pointsClawed;
        this.status = status;
    }

    /** A copy with the same stored state. */
    OrderRecord copy() {
        OrderRecord copy = new OrderRecord(orderId, customerId, occurredAt, currency, netAmount, qualifyingAmount, refundedAmount,
                points, welcomePoints, pointsClawed, status);
        copy.changed = changed;
        copy.fresh = fresh;
        return copy;
    }

    /** Spend that counts towards tiers, in the programme currency, less what was refunded. */
    public BigDecimal qualifyingNet() {
        if (netAmount.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (refundedAmount.signum() == 0) {
            return qualifyingAmount; // the usual case, without a division
        }
        BigDecimal kept = BigDecimal.ONE.subtract(refundedAmount.divide(netAmount, 10, RoundingMode.HALF_EVEN)).max(BigDecimal.ZERO);
        return qualifyingAmount.multiply(kept);
    }

    public String orderId() { return orderId; }
    public String customerId() { return customerId; }
    public Instant occurredAt() { return occurredAt; }
    public String currency() { return currency; }
    public BigDecimal netAmount() { return netAmount; }
    public BigDecimal qualifyingAmount() { return qualifyingAmount; }
    public BigDecimal refundedAmount() { return refundedAmount; }
    public long points() { return points; }
    public long welcomePoints() { return welcomePoints; }
    public long pointsClawed() { return pointsClawed; }
    public Status status() { return status; }
    public boolean changed() { return changed; }
}
