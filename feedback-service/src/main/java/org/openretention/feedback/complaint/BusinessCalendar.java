package org.openretention.feedback.complaint;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The shop's working hours, in its time zone: the same opening and closing time on each working day. A deadline in
 * business time counts only the minutes inside those hours ({@link #plus}). A day whose opening or closing time falls
 * in a daylight-saving gap opens or closes at the first valid instant after it.
 */
public record BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays) {

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("the shop must open before it closes: " + opens + " to " + closes);
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
    }

    /** Monday to Friday. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime opens, LocalTime closes) {
        return new BusinessCalendar(zone, opens, closes, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    /** The instant at which {@code businessTime} of working hours have passed since {@code start}. */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        Duration left = businessTime;
        LocalDate day = LocalDate.ofInstant(start, zone);
        Instant at = start;
        for (int guard = 0; guard < 3700; guard++, day = day.plusDays(1)) {
            if (!workingDays.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, opens, zone).toInstant();
            Instant close = ZonedDateTime.of(day, closes, zone).toInstant();
            Instant from = at.isAfter(open) ? at : open;
            if (!from.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(from, close);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
            at = close;
        }
        throw new IllegalStateException("no working time within ten years after " + start);
    }
}
