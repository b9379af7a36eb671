package org.openretention.loyalty.ledger;

/** A redemption asked for more points than are available. */
public class InsufficientPointsException extends RuntimeException {

    private final long requested;
    private final long available;

    public InsufficientPointsException(long requested, long available) {
        super("needs " + requested + " points, " + available + " available");
        this.requested = requested;
        this.available = available;
    }

    public long requested() {
        return requested;
    }

    public long available() {
        return available;
    }
}
