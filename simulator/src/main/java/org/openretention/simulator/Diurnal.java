package org.openretention.simulator;

/**
 * The daily rhythm of shopping, as a time warp. Customers' Poisson processes run in "activity time" (measured in
 * days), which passes fast in the local evening and slowly at night; mapping an arrival back to wall time gives an
 * inhomogeneous process with the same number of arrivals per day but most of them in the evening. Because the warp
 * keeps whole days, a rate of lambda per activity day is still lambda per calendar day.
 */
public final class Diurnal {

    static final long DAY_MS = 86_400_000L;
    static final long HOUR_MS = 3_600_000L;

    /** Relative activity per local hour 0..23: quiet at night, a lunch bump, busiest 20:00-22:00. */
    private static final double[] HOURLY = {
            0.45, 0.25, 0.15, 0.10, 0.10, 0.15, 0.35, 0.65, 0.90, 1.00, 1.05, 1.15,
            1.30, 1.20, 1.05, 1.00, 1.05, 1.15, 1.30, 1.55, 1.85, 2.00, 1.75, 1.05};
    private static final double[] WEIGHT = new double[24];
    private static final double[] CUMULATIVE = new double[25];

    static {
        double total = 0;
        for (double w : HOURLY) {
            total += w;
        }
        for (int h = 0; h < 24; h++) {
            WEIGHT[h] = HOURLY[h] / total;
            CUMULATIVE[h + 1] = CUMULATIVE[h] + WEIGHT[h];
        }
        CUMULATIVE[24] = 1.0;
    }

    private Diurnal() {
    }

    /** Activity time (days) of the wall-clock instant {@code epochMillis} for a customer at UTC{@code offsetHours}. */
    public static double toActivity(long epochMillis, int offsetHours) {
        long local = epochMillis + offsetHours * HOUR_MS;
        long day = Math.floorDiv(local, DAY_MS);
        double hours = (local - day * DAY_MS) / (double) HOUR_MS;
        int h = Math.min((int) hours, 23);
        return day + CUMULATIVE[h] + WEIGHT[h] * (hours - h);
    }

    /** Inverse of {@link #toActivity}. */
    public static long fromActivity(double activityDays, int offsetHours) {
        double day = Math.floor(activityDays);
        double g = activityDays - day;
        int h = 0;
        while (h < 23 && CUMULATIVE[h + 1] <= g) {
            h++;
        }
        double hours = h + (g - CUMULATIVE[h]) / WEIGHT[h];
        long local = (long) day * DAY_MS + (long) Math.floor(hours * HOUR_MS);
        return local - offsetHours * HOUR_MS;
    }
}
