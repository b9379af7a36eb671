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
 */
public record CustomerSummary(String customerId, int repeatTransactions, double recency, double age,
                              double meanRepeatValue) {

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
        if (!Double.isFinite(meanRepeatValue)) {
            throw new IllegalArgumentException("mean repeat value must be finite: " + meanRepeatValue);
        }
    }
}
