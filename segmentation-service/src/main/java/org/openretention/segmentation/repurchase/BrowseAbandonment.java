package org.openretention.segmentation.repurchase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Browse abandonment: the customer looked at products or put them in the cart and then did not order. Reminding them
 * once per visit is useful, once per product view is spam, so the rule works on sessions:
 * <ul>
 *   <li>a <b>session</b> is a run of a customer's views and cart adds in which each event follows the previous one by
 *       less than {@code sessionGap} (default 30 minutes); a gap of exactly {@code sessionGap} starts a new session;</li>
 *   <li>a session is <b>converted</b> when the customer orders at or after its first event and at or before its last
 *       event plus {@code orderWindow} (default 24 hours), both ends included;</li>
 *   <li>it is <b>abandoned</b> as of {@code asOf} when it is not converted and its window is over, i.e.
 *       {@code asOf >= lastEvent + orderWindow}; before that it is still open.</li>
 * </ul>
 * {@code sessionGap} may not exceed {@code orderWindow}: by the time a session's window closes no later event can join
 * it any more, so an abandoned session never changes afterwards and is published exactly once, identified by its
 * start.
 */
public final class BrowseAbandonment {

    private final Duration orderWindow;
    private final Duration sessionGap;

    public BrowseAbandonment(Duration orderWindow, Duration sessionGap) {
        Objects.requireNonNull(orderWindow, "orderWindow");
        Objects.requireNonNull(sessionGap, "sessionGap");
        if (sessionGap.isNegative() || sessionGap.isZero() || sessionGap.compareTo(orderWindow) > 0) {
            throw new IllegalArgumentException("need 0 < sessionGap <= orderWindow, got " + sessionGap + " and " + orderWindow);
        }
        this.orderWindow = orderWindow;
        this.sessionGap = sessionGap;
    }

    /** A 24-hour order window and 30-minute sessions. */
    public static BrowseAbandonment defaults() {
        return new BrowseAbandonment(Duration.ofHours(24), Duration.ofMinutes(30));
    }

    /** How long after a session's last event an order still converts it. */
    public Duration orderWindow() {
        return orderWindow;
    }

    /** The gap between two events that starts a new session. */
    public Duration sessionGap() {
        return sessionGap;
    }

    /**
     * The abandoned sessions of one customer's timeline as of {@code asOf}, oldest first.
     *
     * @param browsing the customer's views and cart adds, in any order
     * @param orders   when the customer ordered
     */
    public List<AbandonedSession> abandoned(Collection<BrowseEvent> browsing, Collection<Instant> orders, Instant asOf) {
        List<AbandonedSession> abandoned = new ArrayList<>();
        for (List<BrowseEvent> session : sessions(browsing)) {
            Instant first = session.getFirst().at();
            Instant last = session.getLast().at();
            Instant windowEnd = last.plus(orderWindow);
            boolean converted = orders.stream().anyMatch(o -> !o.isBefore(first) && !o.isAfter(windowEnd));
            if (!converted && !asOf.isBefore(windowEnd)) {
                abandoned.add(abandonedSession(session, windowEnd));
            }
        }
        return abandoned;
    }

    /**
     * The abandoned sessions still to publish: those that started after the session last published
     * ({@code lastPublishedStart}, {@code null} when none was).
     */
    public List<AbandonedSession> toPublish(Collection<BrowseEvent> browsing, Collection<Instant> orders, Instant asOf,
                                            Instant lastPublishedStart) {
        return abandoned(browsing, orders, asOf).stream()
                .filter(s -> lastPublishedStart == null || s.startedAt().isAfter(lastPublishedStart))
                .toList();
    }

    /** The customer's views and cart adds cut into sessions, oldest first. */
    List<List<BrowseEvent>> sessions(Collection<BrowseEvent> browsing) {
        List<BrowseEvent> inTimeOrder = browsing.stream().sorted(Comparator.comparing(BrowseEvent::at)).toList();
        List<List<BrowseEvent>> sessions = new ArrayList<>();
        List<BrowseEvent> current = null;
        for (BrowseEvent event : inTimeOrder) {
            if (current == null || Duration.between(current.getLast().at(), event.at()).compareTo(sessionGap) >= 0) {
                current = new ArrayList<>();
                sessions.add(current);
            }
            current.add(event);
        }
        return sessions;
    }

    private static AbandonedSession abandonedSession(List<BrowseEvent> session, Instant abandonedAt) {
        int views = 0;
        int cartAdds = 0;
        Set<String> products = new LinkedHashSet<>();
        for (BrowseEvent event : session) {
            if (event.kind() == BrowseEvent.Kind.CART_ADD) {
                cartAdds++;
            } else {
                views++;
            }
            if (event.productId() != null) {
                products.add(event.productId());
            }
        }
        return new AbandonedSession(session.getFirst().at(), session.getLast().at(), abandonedAt, views, cartAdds,
                List.copyOf(products));
    }
}
