package org.openretention.events.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A customer is expected to buy again soon: the trigger of repurchase reminders. Published by segmentation-service
 * on {@code segment-events} once per cycle (a cycle is the last order the expectation counts from); the envelope's
 * {@code customerId} is the customer.
 *
 * @param expectedAt   when the customer is expected to buy again: {@code lastOrderAt}'s date plus
 *                     {@code intervalDays}, at the start of that day in the shop's zone
 * @param basis        where the interval comes from
 * @param intervalDays the interval added to the last order, in whole days, >= 1
 * @param category     the category whose typical interval was used; present for
 *                     {@link RepurchaseBasis#CATEGORY_TYPICAL_INTERVAL}
 * @param lastOrderAt  the last order the expectation counts from (identifies the cycle)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepurchaseDue(
        Instant expectedAt,
        RepurchaseBasis basis,
        int intervalDays,
        String category,
        Instant lastOrderAt) implements EventPayload {
}
