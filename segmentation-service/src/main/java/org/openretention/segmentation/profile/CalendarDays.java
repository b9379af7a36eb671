package org.openretention.segmentation.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * "Days ago" as the business counts them: the number of calendar dates between two instants in the shop's time zone.
 * An order at 23:50 is one day old at 00:10 the next day, and an order at 00:10 is still 0 days old at 23:50; the
 * time of day never matters, and a daylight-saving change does not shorten or lengthen a day.
 *
 * <p>The same definition is rendered as SQL ({@link #sql}) so that the set-based sweep and the Java rules agree.
 */
public final class CalendarDays {

    private CalendarDays() {
    }

    /** Calendar days from {@code from} to {@code to} in {@code zone}; negative when {@code from} is later. */
    public static long between(Instant from, Instant to, ZoneId zone) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
    }

    /** The calendar date of {@code instant} in {@code zone}. */
    public static LocalDate dateOf(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * PostgreSQL for {@link #between}: {@code to - from} in calendar days of {@code zone}, an {@code integer}. Both
     * arguments are SQL expressions of type {@code timestamptz} (a column, or {@code CAST(:asOf AS timestamptz)}: the
     * cast matters, since {@code AT TIME ZONE} on a timestamp <em>without</em> time zone converts the other way).
     */
    public static String sql(String fromTimestamptz, String toTimestamptz, ZoneId zone) {
        String at = " AT TIME ZONE " + sqlZone(zone);
        return "(CAST((" + toTimestamptz + ")" + at + " AS date) - CAST((" + fromTimestamptz + ")" + at + " AS date))";
    }

    /** PostgreSQL for {@link #dateOf}: the calendar date in {@code zone} of a {@code timestamptz} expression. */
    public static String sqlDate(String timestamptz, ZoneId zone) {
        return "CAST((" + timestamptz + ") AT TIME ZONE " + sqlZone(zone) + " AS date)";
    }

    /**
     * The zone as PostgreSQL's {@code AT TIME ZONE} reads it. A region id is passed as text; a fixed offset must be an
     * interval, because PostgreSQL reads a text offset such as {@code '+02:00'} the POSIX way, with the sign reversed.
     */
    static String sqlZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "'UTC'" : "INTERVAL '" + offset.getId() + "'";
        }
        return "'" + normalized.getId().replace("'", "''") + "'";
    }
}
