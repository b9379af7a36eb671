package org.openretention.segmentation.profile;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The rolling windows of a profile, counted back from the instant it is evaluated at ({@code asOf}) in calendar dates
 * of the shop's zone, like every "days ago" of the rules ({@link CalendarDays}):
 * <ul>
 *   <li>the last 90 days are the 90 calendar dates ending on {@code asOf}'s date: an order 0 to 89 days ago;</li>
 *   <li>the last 12 months are the dates after the same date 12 months before {@code asOf}'s date (the end of the
 *       month where that day does not exist, as {@code minusMonths} and PostgreSQL's {@code - INTERVAL '12 months'}
 *       both count), up to {@code asOf}'s date.</li>
 * </ul>
 * Nothing after {@code asOf} itself is in either window. The same definitions are rendered as SQL ({@code sql...}) for
 * the profile's stored figures and the set-based evaluation, and must change together with the Java ones.
 */
public final class RollingWindows {

    public static final int RECENT_ORDER_DAYS = 90;
    public static final int SPEND_MONTHS = 12;

    private RollingWindows() {
    }

    /** Whether {@code at} lies in the 90 days up to {@code asOf}. */
    public static boolean inLast90Days(Instant at, Instant asOf, ZoneId zone) {
        return !at.isAfter(asOf) && CalendarDays.between(at, asOf, zone) < RECENT_ORDER_DAYS;
    }

    /** Whether {@code at} lies in the 12 months up to {@code asOf}. */
    public static boolean inLast12Months(Instant at, Instant asOf, ZoneId zone) {
        return !at.isAfter(asOf)
                && CalendarDays.dateOf(at, zone).isAfter(CalendarDays.dateOf(asOf, zone).minusMonths(SPEND_MONTHS));
    }

    /**
     * The first instant of the 90 days up to {@code asOf}: the start of the date 89 days before {@code asOf}'s in the
     * zone. An instant lies in the window exactly when it is from this one to {@code asOf}; a statement over many rows
     * compares instants rather than converting each to a date.
     */
    public static Instant last90DaysStart(Instant asOf, ZoneId zone) {
        return CalendarDays.dateOf(asOf, zone).minusDays(RECENT_ORDER_DAYS - 1).atStartOfDay(zone).toInstant();
    }

    /** The first instant of the 12 months up to {@code asOf}, as {@link #last90DaysStart}. */
    public static Instant last12MonthsStart(Instant asOf, ZoneId zone) {
        return CalendarDays.dateOf(asOf, zone).minusMonths(SPEND_MONTHS).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** {@link #inLast90Days} in PostgreSQL, for two {@code timestamptz} expressions: a boolean expression. */
    public static String sqlInLast90Days(String atTimestamptz, String asOfTimestamptz, ZoneId zone) {
        return "((" + atTimestamptz + ") <= (" + asOfTimestamptz + ") AND "
                + CalendarDays.sql(atTimestamptz, asOfTimestamptz, zone) + " < " + RECENT_ORDER_DAYS + ")";
    }

    /** {@link #inLast12Months} in PostgreSQL, for two {@code timestamptz} expressions: a boolean expression. */
    public static String sqlInLast12Months(String atTimestamptz, String asOfTimestamptz, ZoneId zone) {
        return "((" + atTimestamptz + ") <= (" + asOfTimestamptz + ") AND " + CalendarDays.sqlDate(atTimestamptz, zone)
                + " > CAST(" + CalendarDays.sqlDate(asOfTimestamptz, zone) + " - INTERVAL '" + SPEND_MONTHS + " months' AS date))";
    }
}
