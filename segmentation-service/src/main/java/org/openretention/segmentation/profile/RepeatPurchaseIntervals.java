package org.openretention.segmentation.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The gaps between a customer's order days: the distinct calendar dates (in the shop's zone) on which they placed an
 * order that counts, each gap the whole number of days from one such date to the next. Several orders on one day
 * make one order day, so a gap is at least one day.
 *
 * @param count      number of gaps: order days minus one, 0 for fewer than two order days
 * @param meanDays   mean gap, rounded half up to 2 decimals; {@code null} without gaps. It equals the span from the
 *                   first to the last order day divided by the gaps
 * @param medianDays median gap, the mean of the two middle gaps for an even count (so a whole or half number of
 *                   days, as PostgreSQL's {@code percentile_cont(0.5)}); {@code null} without gaps
 */
public record RepeatPurchaseIntervals(int count, BigDecimal meanDays, BigDecimal medianDays) {

    public static final RepeatPurchaseIntervals NONE = new RepeatPurchaseIntervals(0, null, null);

    public RepeatPurchaseIntervals {
        if (count < 0 || (count == 0) != (meanDays == null) || (count == 0) != (medianDays == null)) {
            throw new IllegalArgumentException("repeat intervals have a mean and a median exactly when there are gaps");
        }
    }

    /** The intervals between the distinct days of {@code orderDays}, in any order, repetitions allowed. */
    public static RepeatPurchaseIntervals between(Collection<LocalDate> orderDays) {
        List<LocalDate> days = List.copyOf(new TreeSet<>(orderDays));
        if (days.size() < 2) {
            return NONE;
        }
        long[] gaps = new long[days.size() - 1];
        for (int i = 1; i < days.size(); i++) {
            gaps[i - 1] = ChronoUnit.DAYS.between(days.get(i - 1), days.get(i));
        }
        java.util.Arrays.sort(gaps);
        int n = gaps.length;
        long span = ChronoUnit.DAYS.between(days.get(0), days.get(n));
        BigDecimal mean = BigDecimal.valueOf(span).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(gaps[n / 2]).setScale(1)
                : BigDecimal.valueOf(gaps[n / 2 - 1] + gaps[n / 2]).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        return new RepeatPurchaseIntervals(n, mean, median);
    }

    /** As the rules read them ({@link ProfileFacts.RepeatIntervals}). */
    public ProfileFacts.RepeatIntervals toFacts() {
        return count == 0 ? ProfileFacts.RepeatIntervals.NONE : new ProfileFacts.RepeatIntervals(count, medianDays.doubleValue());
    }
}
