package org.openretention.feedback.complaint;

import org.openretention.events.feedback.ComplaintSeverity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * First-contact deadlines: NORMAL within {@code normal} of business time ({@link BusinessCalendar}); URGENT and MAJOR
 * within {@code urgent} around the clock.
 */
public record SlaPolicy(BusinessCalendar calendar, Duration normal, Duration urgent) {

    public SlaPolicy {
        Objects.requireNonNull(calendar, "calendar");
        if (normal.isNegative() || normal.isZero() || urgent.isNegative() || urgent.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive: " + normal + ", " + urgent);
        }
    }

    /** Issue 15's defaults: 2 business hours for NORMAL, 30 minutes for URGENT and MAJOR. */
    public static SlaPolicy defaults(BusinessCalendar calendar) {
        return new SlaPolicy(calendar, Duration.ofHours(2), Duration.ofMinutes(30));
    }

    /** When the first contact is due for a complaint of {@code severity} filed (or regraded) at {@code from}. */
    public Instant firstContactDue(ComplaintSeverity severity, Instant from) {
        return switch (severity) {
            case NORMAL -> calendar.plus(from, normal);
            case URGENT, MAJOR -> from.plus(urgent);
        };
    }

    /**
     * Whether the deadline is breached as of {@code now}: no contact by {@code due}. A contact made after the deadline
     * does not undo the breach; the state is a function of the stored instants, so a restart neither loses nor
     * repeats it.
     */
    public static boolean breached(Instant due, Instant contactedAt, Instant now) {
        Instant decisive = contactedAt == null ? now : contactedAt;
        return decisive.isAfter(due);
    }
}
