package org.openretention.segmentation.repurchase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@link BrowseAbandonment} as set-based SQL over the stored views and cart adds ({@code browse_activity}), the
 * decided sessions ({@code browse_session}) and the placed orders ({@code profile_placed_order}), with the parameter
 * {@code :asOf}. The statements run in this order in one transaction:
 * <ol>
 *   <li>{@link #decide()}: the temporary table {@code browse_decided} of the sessions whose order window is over as of
 *       {@code asOf}, each with its counts, products, whether an order converted it and whether it is late activity of
 *       a session decided before ({@code known});</li>
 *   <li>{@link #record()}: those sessions into {@code browse_session};</li>
 *   <li>{@link #toPublish()}: the abandoned ones, neither converted nor known, whose window closed at most
 *       {@code publishWithin} before {@code asOf}, to publish (older ones are recorded, not published);</li>
 *   <li>{@link #deleteDecided()} and {@link #prune()}: their rows, and what is older than {@code keep}.</li>
 * </ol>
 * A session's window closes at its last event plus the order window, and no event can join a session afterwards
 * (the session gap is at most the window), so the closed sessions are found among the events before
 * {@code asOf - orderWindow + sessionGap}: the rows of the customers' open sessions are not read.
 */
public final class BrowseAbandonmentSql {

    private static final String AS_OF = "CAST(:asOf AS timestamptz)";

    private final String window;
    private final String gap;
    private final String keep;
    private final String fresh;

    /** As {@link #BrowseAbandonmentSql(BrowseAbandonment, Duration, Duration)}, publishing sessions of any age. */
    public BrowseAbandonmentSql(BrowseAbandonment rule, Duration keep) {
        this(rule, keep, null);
    }

    /**
     * @param publishWithin how long after its window closed an abandoned session is still published; {@code null}: any age
     */
    public BrowseAbandonmentSql(BrowseAbandonment rule, Duration keep, Duration publishWithin) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(keep, "keep");
        if (publishWithin != null && publishWithin.isNegative()) {
            throw new IllegalArgumentException("publishWithin must not be negative, got " + publishWithin);
        }
        if (keep.compareTo(rule.orderWindow()) < 0) {
            throw new IllegalArgumentException("keep decided sessions at least as long as the order window, got " + keep);
        }
        this.window = interval(rule.orderWindow());
        this.gap = interval(rule.sessionGap());
        this.keep = interval(keep);
        this.fresh = publishWithin == null ? "true"
                : "(last_at + " + window + " >= " + AS_OF + " - " + interval(publishWithin) + ")";
    }

    private static String interval(Duration d) {
        return "INTERVAL '" + d.toMillis() + " milliseconds'";
    }

    /**
     * The sessions decided as of {@code asOf}. Rows in time order per customer; a row at least the session gap after
     * the previous one (or the first) starts a session, and the running count of starts numbers them (rows at the same
     * instant are peers, hence in the same session). Products in the order first seen, those first seen at the same
     * instant by SKU (byte-wise). Converted: a placed order, even one cancelled or refunded later, at or after the
     * session's first event and at or before its last event plus the order window. Known: a decided session of the
     * customer lies within the session gap of it, so with all rows kept both would be one session.
     */
    public String decide() {
        return """
                CREATE TEMP TABLE browse_decided ON COMMIT DROP AS
                WITH candidate AS (
                    SELECT a.customer_id, a.occurred_at, a.kind, a.sku
                    FROM browse_activity a
                    WHERE a.occurred_at < %1$s - %2$s + %3$s
                      AND EXISTS (SELECT 1 FROM customer_profile p WHERE p.customer_id = a.customer_id)
                ),
                marked AS (
                    SELECT c.*, CASE WHEN c.occurred_at - lag(c.occurred_at) OVER (PARTITION BY c.customer_id ORDER BY c.occurred_at) < %3$s
                                     THEN 0 ELSE 1 END AS starts
                    FROM candidate c
                ),
                numbered AS (
                    SELECT m.*, sum(m.starts) OVER (PARTITION BY m.customer_id ORDER BY m.occurred_at) AS session_no
                    FROM marked m
                ),
                sessions AS (
                    SELECT customer_id, session_no, min(occurred_at) AS started_at, max(occurred_at) AS last_at,
                           count(*) FILTER (WHERE kind = 'PRODUCT_VIEW') AS views,
                           count(*) FILTER (WHERE kind = 'CART_ADD') AS cart_adds
                    FROM numbered
                    GROUP BY customer_id, session_no
                    HAVING max(occurred_at) <= %1$s - %2$s
                ),
                products AS (
                    SELECT customer_id, session_no, array_agg(sku ORDER BY first_seen, sku COLLATE "C") AS product_ids
                    FROM (SELECT n.customer_id, n.session_no, n.sku, min(n.occurred_at) AS first_seen
                          FROM numbered n JOIN sessions s ON s.customer_id = n.customer_id AND s.session_no = n.session_no
                          WHERE n.sku IS NOT NULL
                          GROUP BY n.customer_id, n.session_no, n.sku) f
                    GROUP BY customer_id, session_no
                )
                SELECT s.customer_id, s.started_at, s.last_at, CAST(s.views AS int) AS views, CAST(s.cart_adds AS int) AS cart_adds,
                       COALESCE(p.product_ids, CAST('{}' AS text[])) AS product_ids,
                       EXISTS (SELECT 1 FROM profile_placed_order o
                               WHERE o.customer_id = s.customer_id AND o.occurred_at >= s.started_at
                                 AND o.occurred_at <= s.last_at + %2$s) AS converted,
                       EXISTS (SELECT 1 FROM browse_session d
                               WHERE d.customer_id = s.customer_id AND d.session_started_at - %3$s < s.last_at
                                 AND d.last_activity_at + %3$s > s.started_at) AS known
                FROM sessions s
                LEFT JOIN products p ON p.customer_id = s.customer_id AND p.session_no = s.session_no"""
                .formatted(AS_OF, window, gap);
    }

    /**
     * Records the decided sessions. A session starting at the same instant as one recorded is late activity of it
     * (known), so the conflict keeps the recorded one.
     */
    public String record() {
        return """
                INSERT INTO browse_session (customer_id, session_started_at, last_activity_at, abandoned, decided_as_of)
                SELECT customer_id, started_at, last_at, NOT (converted OR known) AND %s, %s
                FROM browse_decided
                ON CONFLICT (customer_id, session_started_at) DO NOTHING""".formatted(fresh, AS_OF);
    }

    /** The abandoned sessions to publish, by customer and start. */
    public String toPublish() {
        return """
                SELECT customer_id, started_at, last_at, views, cart_adds, product_ids
                FROM browse_decided
                WHERE NOT converted AND NOT known AND %s
                ORDER BY customer_id, started_at""".formatted(fresh);
    }

    /**
     * Deletes the rows of the decided sessions: by time range, so that a row the intake commits meanwhile within a
     * session's range goes with it, and one outside stays for the next evaluation.
     */
    public String deleteDecided() {
        return """
                DELETE FROM browse_activity a USING browse_decided s
                WHERE a.customer_id = s.customer_id AND a.occurred_at >= s.started_at AND a.occurred_at <= s.last_at""";
    }

    /**
     * Forgets decided sessions whose last activity is older than {@code keep} before {@code asOf}, and deletes views
     * and cart adds that old, which only a session that never paused for the session gap in all that time can still
     * hold; and the decided sessions of customers without a profile any more (erased while an evaluation ran).
     */
    public List<String> prune() {
        return List.of(
                "DELETE FROM browse_session WHERE last_activity_at < %s - %s".formatted(AS_OF, keep),
                "DELETE FROM browse_activity WHERE occurred_at < %s - %s".formatted(AS_OF, keep),
                "DELETE FROM browse_session s WHERE NOT EXISTS (SELECT 1 FROM customer_profile p WHERE p.customer_id = s.customer_id)");
    }
}
