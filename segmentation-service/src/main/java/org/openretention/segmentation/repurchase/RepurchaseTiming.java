package org.openretention.segmentation.repurchase;

import org.openretention.segmentation.profile.CalendarDays;
import org.openretention.segmentation.profile.ProfileFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a customer should buy again, and when to remind them.
 *
 * <p>The expected date is the last order's date plus an interval: the median of the customer's own gaps between
 * orders when there are at least {@code minIntervals} of them (one gap is an anecdote), otherwise the typical gap of
 * the customer's top category across the population, otherwise there is no expectation. Intervals are rounded to
 * whole days, halves up; an interval under one day (several orders a day) is no basis for a reminder and is skipped.
 *
 * <p>{@link RepurchaseDue} is due from {@code leadDays} before the expected date until {@code lateDays} after it, and
 * is published once per cycle: the cycle is the last order the expectation counts from, so the reminder for an order
 * is published once, and a new order starts a new cycle with a new expected date. A reminder is not sent once it is
 * more than {@code lateDays} late: after an outage, or on the first evaluation of a long imported history, customers
 * whose expected date is long past are not "due soon", they are lapsing, which the lifecycle stages and the churn flag
 * deal with.
 */
public final class RepurchaseTiming {

    private final int leadDays;
    private final int lateDays;
    private final int minIntervals;
    private final ZoneId zone;

    /**
     * @param leadDays     days before the expected date the reminder is due
     * @param lateDays     days after the expected date the reminder is still sent
     * @param minIntervals own gaps needed before the customer's own median is trusted
     * @param zone         the shop's calendar
     */
    public RepurchaseTiming(int leadDays, int lateDays, int minIntervals, ZoneId zone) {
        if (leadDays < 0 || lateDays < 0 || minIntervals < 1) {
            throw new IllegalArgumentException("need leadDays >= 0, lateDays >= 0 and minIntervals >= 1");
        }
        this.leadDays = leadDays;
        this.lateDays = lateDays;
        this.minIntervals = minIntervals;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A 3-day lead, sent up to 7 days late, 2 own intervals. */
    public static RepurchaseTiming defaults(ZoneId zone) {
        return new RepurchaseTiming(3, 7, 2, zone);
    }

    /**
     * When {@code customer} is expected to buy again.
     *
     * @param typicalIntervalDaysByCategory the typical gap between orders per category, in days, across the population
     */
    public Optional<ExpectedPurchase> expectedNext(ProfileFacts customer, Map<String, Double> typicalIntervalDaysByCategory) {
        if (!customer.hasOrdered()) {
            return Optional.empty();
        }
        LocalDate lastOrderOn = CalendarDays.dateOf(customer.lastOrderAt(), zone);
        if (customer.repeatIntervals().count() >= minIntervals) {
            long own = wholeDays(customer.repeatIntervals().medianDays());
            if (own >= 1) {
                return Optional.of(new ExpectedPurchase(lastOrderOn.plusDays(own), own,
                        ExpectedPurchase.Basis.OWN_REPEAT_INTERVAL, customer.lastOrderAt()));
            }
        }
        Double typical = customer.topCategory() == null ? null : typicalIntervalDaysByCategory.get(customer.topCategory());
        if (typical != null && wholeDays(typical) >= 1) {
            long days = wholeDays(typical);
            return Optional.of(new ExpectedPurchase(lastOrderOn.plusDays(days), days,
                    ExpectedPurchase.Basis.CATEGORY_TYPICAL_INTERVAL, customer.lastOrderAt()));
        }
        return Optional.empty();
    }

    /**
     * Whether to publish the reminder for {@code expected} as of {@code asOf}: yes from the due date to {@code lateDays}
     * after the expected date (dates in the shop's zone, both ends included), unless the reminder of this cycle was
     * published already.
     *
     * @param lastPublishedCycle the cycle (last order) of the previous reminder published to the customer; {@code null}
     *                           when none was
     */
    public Optional<RepurchaseDue> due(ExpectedPurchase expected, Instant asOf, Instant lastPublishedCycle) {
        LocalDate dueOn = expected.expectedOn().minusDays(leadDays);
        LocalDate today = CalendarDays.dateOf(asOf, zone);
        if (today.isBefore(dueOn) || today.isAfter(expected.expectedOn().plusDays(lateDays))
                || expected.cycle().equals(lastPublishedCycle)) {
            return Optional.empty();
        }
        return Optional.of(new RepurchaseDue(expected.expectedOn(), dueOn, expected.cycle()));
    }

    private static long wholeDays(double days) {
        return Math.round(days);
    }
}
