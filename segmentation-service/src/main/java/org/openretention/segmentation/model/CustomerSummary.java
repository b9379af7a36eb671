package org.openretention.segmentation.model;

import java.util.Objects;

/**
 * What the buy-till-you-die models know of one customer at the end of the calibration period, in weeks.
 *
 * @param customerId         the customer
 * @param repeatTransactions x: transactions after the first one (a transaction is a day with purchases)
 * @param recency            t_x: weeks from the first to the last transaction (0 when there is no repeat)
 * @param age                T: weeks from the first transaction to the end of the calibration period
 * @param meanRepeatValue    mean value of the repeat transactions (0 when there is none), for Gamma-Gamma
 * @param lastSeenAlive      weeks from the first transaction to the last sign of life: the last transaction, or a later
 *                           product view or cart add (from t_x to T). Only the scores of a model whose customers may
 *                           drop out at any moment use it (Pareto/NBD); the fits do not.
 */
public record CustomerSummary(String customerId, int repeatTransactions, double recency, double age,
                              double meanRepeatValue, double lastSeenAlive) {

    /** A summary without a sign of life after the last transaction. */
    public CustomerSummary(String customerId, int repeatTransactions, double recency, double age, double meanRepeatValue) {
        this(customerId, repeatTransactions, recency, age, meanRepeatValue, recency);
    }

    public CustomerSummary {
        Objects.requireNonNull(customerId, "customerId");
        if (repeatTransactions < 0) {
            throw new IllegalArgumentException("repeat transactions must not be negative: " + repeatTransactions);
        }
        if (!(recency >= 0 && recency <= age && Double.isFinite(age))) {
            throw new IllegalArgumentException("need 0 <= recency <= age: recency=" + recency + " age=" + age);
        }
        if (repeatTransactions == 0 && recency != 0) {
            throw new IllegalArgumentException("a customer without repeat transactions has recency 0: " + recency);
        }
        if (!(lastSeenAlive >= recency && lastSeenAlive <= age)) {
            throw new IllegalArgumentException("need recency <= last seen alive <= age: recency=" + recency + " lastSeenAlive="
                    + lastSeenAlive + " age=" + age);
        }
        if (!Double.isFinite(meanRepeatValue)) {
            throw new IllegalArgumentException("mean repeat value must be finite: " + meanRepeatValue);
        }
    }

    /**
     * This summary with a sign of life {@code weeks} after the first transaction: the last seen alive moves to it when
     * it is later than the last transaction, and stops at T.
     */
    public CustomerSummary seenAliveAt(double weeks) {
        double seen = Math.min(age, Math.max(lastSeenAlive, weeks));
        return new CustomerSummary(customerId, repeatTransactions, recency, age, meanRepeatValue, seen);
    }
}
