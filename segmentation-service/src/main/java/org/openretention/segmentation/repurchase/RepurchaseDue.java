package org.openretention.segmentation.repurchase;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer is due to be reminded to buy again: the expected repurchase date is {@code lead} days away or past.
 *
 * @param expectedOn when the customer is expected to buy again
 * @param dueOn      the expected date minus the lead: from this date on the reminder is due
 * @param cycle      the last order the expectation counts from; the reminder is published once per cycle
 */
public record RepurchaseDue(LocalDate expectedOn, LocalDate dueOn, Instant cycle) {
}
