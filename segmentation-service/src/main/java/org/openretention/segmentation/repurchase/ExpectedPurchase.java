package org.openretention.segmentation.repurchase;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a customer is expected to buy again.
 *
 * @param expectedOn   the expected date, in the shop's zone
 * @param intervalDays the interval added to the last order's date
 * @param basis        where the interval comes from
 * @param cycle        the last order the expectation is counted from; a new order starts a new cycle
 */
public record ExpectedPurchase(LocalDate expectedOn, long intervalDays, Basis basis, Instant cycle) {

    public enum Basis {
        /** The median of the customer's own gaps between orders. */
        OWN_REPEAT_INTERVAL,
        /** The typical gap between orders of the customer's top category, across all customers. */
        CATEGORY_TYPICAL_INTERVAL
    }
}
