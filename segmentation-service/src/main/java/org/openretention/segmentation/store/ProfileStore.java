package org.openretention.segmentation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.platform.jdbc.StatementPipeline;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.profile.CalendarDays;
import org.openretention.segmentation.profile.FactBatch;
import org.openretention.segmentation.profile.RollingWindows;

import java.sql.Array;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The store of profiles for event intake: merges a batch's facts into what it holds and recomputes the profiles of
 * the customers the batch touched, with a fixed handful of set-based statements per batch whatever its size, all
 * queued in the transaction's {@link StatementPipeline} so that they reach PostgreSQL with the intake's other writes
 * in one round trip. This is the hot path of the service; the API reads through {@link ProfileRepository}.
 *
 * <p>Per batch, in this order:
 * <ol>
 *   <li>transaction-scoped advisory locks on the batch's customers, so that the intake of another topic working on
 *       the same customer waits until this one has committed (and then recomputes from facts that include it), and an
 *       erasure cannot interleave with a batch that would bring the customer back;</li>
 *   <li>erasures: the customer's rows go, a keyed hash of the id stays;</li>
 *   <li>one upsert of the customers' facts (registration, last-write-wins values, interaction counters), skipping
 *       customers on the erased list;</li>
 *   <li>one upsert of the orders' facts (completion, refunds, cancellation), for customers that have a profile;</li>
 *   <li>one insert of the product views and cart adds, a row each, for customers that have a profile (browse
 *       abandonment cuts them into sessions when it is evaluated: {@code service/BrowseAbandonmentSweep});</li>
 *   <li>one UPDATE recomputing every aggregate of the touched customers from their facts.</li>
 * </ol>
 * Each merge is commutative (sums, or-ed flags, greatest/least, latest event time wins), and the aggregates depend
 * on the facts alone, so the order the events arrive in never changes a profile.
 */
@ApplicationScoped
public class ProfileStore {

    private final StatementPipeline pipeline;
    private final ObjectMapper json;
    private final String recompute;

    @Inject
    public ProfileStore(StatementPipeline pipeline, ObjectMapper json, SegmentationConfig config) {
        this.pipeline = pipeline;
        this.json = json;
        this.recompute = recomputeStatement(config.timezone());
    }

    /**
     * Merges the batch's facts and recomputes the profiles of its customers, in the caller's transaction.
     *
     * @param hashes the keyed hash of every customer id of {@link FactBatch#customerIds()}, for the erased list
     */
    public void save(FactBatch batch, Map<String, String> hashes) {
        if (batch.isEmpty()) {
            return;
        }
        String[] ids = batch.customerIds().toArray(String[]::new);
        pipeline.queue(LOCK_CUSTOMERS, p -> p.array("varchar", ids), StatementPipeline.Check.NONE);
        erase(batch.erased(), hashes);
        List<FactBatch.CustomerFacts> customers = batch.customers();
        if (customers.isEmpty()) {
            return;
        }
        saveCustomers(customers, hashes);
        saveOrders(batch.orders());
        saveBrowsing(batch.browsing());
        Object[] touched = customers.stream().map(FactBatch.CustomerFacts::customerId).toArray();
        pipeline.queue(recompute, p -> {
            Array array = p.createArray("varchar", touched);
            p.array(array).array(array);
        }, StatementPipeline.Check.NONE);
    }

    /**
     * Ordered by the lock key, so that two batches never wait on each other in a cycle (even when two ids share a
     * key). The namespace keeps the keys apart from other advisory locks of the database.
     */
    private static final String LOCK_CUSTOMERS = """
            SELECT count(pg_advisory_xact_lock(hashtext('segmentation-profile'), k))
            FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest(?::varchar[]) AS id ORDER BY 1) AS sorted""";

    private static final String ERASE = """
            DELETE FROM profile_order WHERE customer_id = ANY (?);
            DELETE FROM browse_activity WHERE customer_id = ANY (?);
            DELETE FROM browse_session WHERE customer_id = ANY (?);
            DELETE FROM customer_profile WHERE customer_id = ANY (?);
            DELETE FROM customer_segment WHERE customer_id = ANY (?);
            DELETE FROM customer_feedback WHERE customer_id = ANY (?);
            DELETE FROM customer_open_complaint WHERE customer_id = ANY (?);
            INSERT INTO erased_customer (customer_hash, erased_at)
            SELECT u.customer_hash, CAST(u.erased_at AS timestamptz) FROM unnest(?::varchar[], ?::text[]) AS u (customer_hash, erased_at)
            ON CONFLICT (customer_hash) DO NOTHING""";

    private void erase(SortedMap<String, Instant> erased, Map<String, String> hashes) {
        if (erased.isEmpty()) {
            return;
        }
        Object[] ids = erased.keySet().toArray();
        Object[] hashed = erased.keySet().stream().map(id -> required(hashes, id)).toArray();
        Object[] at = erased.values().stream().map(Instant::toString).toArray();
        pipeline.queue(ERASE, p -> {
            Array array = p.createArray("varchar", ids);
            p.array(array).array(array).array(array).array(array).array(array).array(array).array(array).array("varchar", hashed).array("text", at);
        }, StatementPipeline.Check.NONE);
    }

    /*
     * Values travel as one array per column, timestamps as ISO-8601 text (as loyalty's member store sends them).
     * Last write wins by event time, ties to the greater value, compared byte-wise (COLLATE "C") as Java compares
     * strings: FactBatch merges a batch with the same rule.
     */
    private static final String UPSERT_CUSTOMERS = """
            INSERT INTO customer_profile AS c (customer_id, last_event_at, registered_at, locale, locale_at, loyalty_tier, loyalty_tier_at,
                product_views, cart_adds, check_ins, reviews, likes, comments, shares, service_contacts, last_product_view_at, last_cart_add_at)
            SELECT u.customer_id, CAST(u.last_event_at AS timestamptz), CAST(u.registered_at AS timestamptz), u.locale,
                   CAST(u.locale_at AS timestamptz), u.tier, CAST(u.tier_at AS timestamptz), u.product_views, u.cart_adds, u.check_ins,
                   u.reviews, u.likes, u.comments, u.shares, u.service_contacts, CAST(u.last_product_view_at AS timestamptz),
                   CAST(u.last_cart_add_at AS timestamptz)
            FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::varchar[], ?::text[], ?::varchar[], ?::text[],
                        ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::text[], ?::text[])
                AS u (customer_id, customer_hash, last_event_at, registered_at, locale, locale_at, tier, tier_at, product_views, cart_adds,
                      check_ins, reviews, likes, comments, shares, service_contacts, last_product_view_at, last_cart_add_at)
            WHERE NOT EXISTS (SELECT 1 FROM erased_customer e WHERE e.customer_hash = u.customer_hash)
            ON CONFLICT (customer_id) DO UPDATE SET
                last_event_at = GREATEST(c.last_event_at, EXCLUDED.last_event_at),
                registered_at = LEAST(c.registered_at, EXCLUDED.registered_at),
                locale = CASE WHEN %1$s THEN EXCLUDED.locale ELSE c.locale END,
                locale_at = CASE WHEN %1$s THEN EXCLUDED.locale_at ELSE c.locale_at END,
                loyalty_tier = CASE WHEN %2$s THEN EXCLUDED.loyalty_tier ELSE c.loyalty_tier END,
                loyalty_tier_at = CASE WHEN %2$s THEN EXCLUDED.loyalty_tier_at ELSE c.loyalty_tier_at END,
                product_views = c.product_views + EXCLUDED.product_views,
                cart_adds = c.cart_adds + EXCLUDED.cart_adds,
                check_ins = c.check_ins + EXCLUDED.check_ins,
                reviews = c.reviews + EXCLUDED.reviews,
                likes = c.likes + EXCLUDED.likes,
                comments = c.comments + EXCLUDED.comments,
                shares = c.shares + EXCLUDED.shares,
                service_contacts = c.service_contacts + EXCLUDED.service_contacts,
                last_product_view_at = GREATEST(c.last_product_view_at, EXCLUDED.last_product_view_at),
                last_cart_add_at = GREATEST(c.last_cart_add_at, EXCLUDED.last_cart_add_at)"""
            .formatted(newer("locale"), newer("loyalty_tier"));

    /** Whether the row's value of {@code column} (with its event time in {@code column_at}) replaces the stored one. */
    private static String newer(String column) {
        String at = column + "_at";
        return "(EXCLUDED." + at + " IS NOT NULL AND (c." + at + " IS NULL OR EXCLUDED." + at + " > c." + at
                + " OR (EXCLUDED." + at + " = c." + at + " AND EXCLUDED." + column + " COLLATE \"C\" > c." + column + ")))";
    }

    private void saveCustomers(List<FactBatch.CustomerFacts> customers, Map<String, String> hashes) {
        int n = customers.size();
        Object[] id = new Object[n];
        Object[] hash = new Object[n];
        Object[] lastEventAt = new Object[n];
        Object[] registeredAt = new Object[n];
        Object[] locale = new Object[n];
        Object[] localeAt = new Object[n];
        Object[] tier = new Object[n];
        Object[] tierAt = new Object[n];
        InteractionKind[] kinds = {InteractionKind.PRODUCT_VIEW, InteractionKind.CART_ADD, InteractionKind.CHECK_IN, InteractionKind.REVIEW,
                InteractionKind.LIKE, InteractionKind.COMMENT, InteractionKind.SHARE, InteractionKind.SERVICE_CONTACT};
        Object[][] counts = new Object[kinds.length][n];
        Object[] lastView = new Object[n];
        Object[] lastCartAdd = new Object[n];
        for (int i = 0; i < n; i++) {
            FactBatch.CustomerFacts c = customers.get(i);
            id[i] = c.customerId();
            hash[i] = required(hashes, c.customerId());
            lastEventAt[i] = text(c.lastEventAt());
            registeredAt[i] = text(c.registeredAt());
            locale[i] = c.locale();
            localeAt[i] = text(c.localeAt());
            tier[i] = c.tier();
            tierAt[i] = text(c.tierAt());
            for (int k = 0; k < kinds.length; k++) {
                counts[k][i] = c.interactions(kinds[k]);
            }
            lastView[i] = text(c.lastProductViewAt());
            lastCartAdd[i] = text(c.lastCartAddAt());
        }
        pipeline.queue(UPSERT_CUSTOMERS, p -> {
            p.array("varchar", id).array("varchar", hash).array("text", lastEventAt).array("text", registeredAt)
                    .array("varchar", locale).array("text", localeAt).array("varchar", tier).array("text", tierAt);
            for (Object[] count : counts) {
                p.array("int4", count);
            }
            p.array("text", lastView).array("text", lastCartAdd);
        }, StatementPipeline.Check.NONE);
    }

    /*
     * The earliest completion wins (then the smaller amount), as in FactBatch; refunds add up, flags are or-ed. Orders
     * of customers without a profile row are skipped: those on the erased list, whose profile upsert just skipped them.
     */
    private static final String UPSERT_ORDERS = """
            INSERT INTO profile_order AS o (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category,
                refunded_amount, fully_refunded, cancelled)
            SELECT u.customer_id, u.order_id, CAST(u.occurred_at AS timestamptz), u.net_amount, u.discounted,
                   CAST(u.items_by_category AS jsonb), u.refunded_amount, u.fully_refunded, u.cancelled
            FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::numeric[], ?::bool[], ?::text[], ?::numeric[], ?::bool[], ?::bool[])
                AS u (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category, refunded_amount, fully_refunded, cancelled)
            WHERE EXISTS (SELECT 1 FROM customer_profile c WHERE c.customer_id = u.customer_id)
            ON CONFLICT (customer_id, order_id) DO UPDATE SET
                occurred_at = CASE WHEN %1$s THEN EXCLUDED.occurred_at ELSE o.occurred_at END,
                net_amount = CASE WHEN %1$s THEN EXCLUDED.net_amount ELSE o.net_amount END,
                discounted = CASE WHEN %1$s THEN EXCLUDED.discounted ELSE o.discounted END,
                items_by_category = CASE WHEN %1$s THEN EXCLUDED.items_by_category ELSE o.items_by_category END,
                refunded_amount = o.refunded_amount + EXCLUDED.refunded_amount,
                fully_refunded = o.fully_refunded OR EXCLUDED.fully_refunded,
                cancelled = o.cancelled OR EXCLUDED.cancelled"""
            .formatted("(EXCLUDED.occurred_at IS NOT NULL AND (o.occurred_at IS NULL OR EXCLUDED.occurred_at < o.occurred_at"
                    + " OR (EXCLUDED.occurred_at = o.occurred_at AND EXCLUDED.net_amount < o.net_amount)))");

    private void saveOrders(List<FactBatch.OrderFacts> orders) {
        if (orders.isEmpty()) {
            return;
        }
        int n = orders.size();
        Object[] customerId = new Object[n];
        Object[] orderId = new Object[n];
        Object[] occurredAt = new Object[n];
        Object[] netAmount = new Object[n];
        Object[] discounted = new Object[n];
        Object[] items = new Object[n];
        Object[] refunded = new Object[n];
        Object[] fullyRefunded = new Object[n];
        Object[] cancelled = new Object[n];
        for (int i = 0; i < n; i++) {
            FactBatch.OrderFacts o = orders.get(i);
            FactBatch.Completion completion = o.completion();
            customerId[i] = o.customerId();
            orderId[i] = o.orderId();
            if (completion != null) {
                occurredAt[i] = completion.occurredAt().toString();
                netAmount[i] = completion.netAmount();
                discounted[i] = completion.discounted();
                items[i] = json(completion.itemsByCategory());
            }
            refunded[i] = o.refundedAmount();
            fullyRefunded[i] = o.fullyRefunded();
            cancelled[i] = o.cancelled();
        }
        pipeline.queue(UPSERT_ORDERS, p -> p.array("varchar", customerId).array("varchar", orderId).array("text", occurredAt)
                .array("numeric", netAmount).array("bool", discounted).array("text", items).array("numeric", refunded)
                .array("bool", fullyRefunded).array("bool", cancelled), StatementPipeline.Check.NONE);
    }

    /*
     * Appended, never merged: each row is one event, applied once (the intake's processed-event claim), so the rows are
     * the same set whatever order the events arrive in. Customers without a profile row are skipped, as for orders.
     */
    private static final String INSERT_BROWSING = """
            INSERT INTO browse_activity (customer_id, occurred_at, kind, sku)
            SELECT u.customer_id, CAST(u.occurred_at AS timestamptz), u.kind, u.sku
            FROM unnest(?::varchar[], ?::text[], ?::varchar[], ?::text[]) AS u (customer_id, occurred_at, kind, sku)
            WHERE EXISTS (SELECT 1 FROM customer_profile c WHERE c.customer_id = u.customer_id)""";

    private void saveBrowsing(List<FactBatch.Browsing> browsing) {
        if (browsing.isEmpty()) {
            return;
        }
        int n = browsing.size();
        Object[] customerId = new Object[n];
        Object[] occurredAt = new Object[n];
        Object[] kind = new Object[n];
        Object[] sku = new Object[n];
        for (int i = 0; i < n; i++) {
            FactBatch.Browsing b = browsing.get(i);
            customerId[i] = b.customerId();
            occurredAt[i] = b.event().at().toString();
            kind[i] = b.event().kind().name();
            sku[i] = b.event().productId();
        }
        pipeline.queue(INSERT_BROWSING, p -> p.array("varchar", customerId).array("text", occurredAt).array("varchar", kind)
                .array("text", sku), StatementPipeline.Check.NONE);
    }

    /**
     * Every aggregate of the customers named by the first two parameters (the same array), from their facts alone.
     * spend_12m and orders_90d are counted back from the profile's last event time ({@link RollingWindows}); the
     * repeat intervals are between distinct order days in the shop's zone, the repeat spend is that of every order day
     * but the first; top categories are ranked by items, ties
     * by name (byte-wise, as Java orders strings).
     */
    static String recomputeStatement(ZoneId zone) {
        return """
                WITH touched AS (
                    SELECT customer_id, last_event_at FROM customer_profile WHERE customer_id = ANY (?)
                ),
                placed AS (
                    SELECT customer_id, occurred_at, counted, net_spend, discounted, items_by_category
                    FROM profile_placed_order WHERE customer_id = ANY (?)
                ),
                totals AS (
                    SELECT p.customer_id,
                           max(p.occurred_at) AS last_placed_at,
                           count(*) FILTER (WHERE p.counted) AS order_count,
                           min(p.occurred_at) FILTER (WHERE p.counted) AS first_order_at,
                           max(p.occurred_at) FILTER (WHERE p.counted) AS last_order_at,
                           COALESCE(sum(p.net_spend) FILTER (WHERE p.counted), 0) AS net_spend,
                           COALESCE(sum(p.net_spend) FILTER (WHERE p.counted AND %1$s), 0) AS spend_12m,
                           count(*) FILTER (WHERE p.counted AND %2$s) AS orders_90d,
                           count(*) FILTER (WHERE p.counted AND p.discounted) AS discounted_orders
                    FROM placed p JOIN touched t ON t.customer_id = p.customer_id
                    GROUP BY p.customer_id
                ),
                order_days AS (
                    SELECT customer_id, %3$s AS day, sum(net_spend) AS spend FROM placed WHERE counted GROUP BY 1, 2
                ),
                gaps AS (
                    SELECT customer_id, spend, day - lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap FROM order_days
                ),
                intervals AS (
                    SELECT customer_id, count(*) AS n, round(avg(gap), 2) AS mean_days,
                           CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS numeric(10,1)) AS median_days,
                           sum(spend) AS repeat_spend
                    FROM gaps WHERE gap IS NOT NULL GROUP BY customer_id
                ),
                category_items AS (
                    SELECT p.customer_id, c.key AS category, sum(CAST(c.value AS int)) AS items
                    FROM placed p CROSS JOIN LATERAL jsonb_each_text(p.items_by_category) AS c
                    WHERE p.counted
                    GROUP BY p.customer_id, c.key
                ),
                categories AS (
                    SELECT customer_id, sum(items) AS items,
                           (array_agg(category ORDER BY items DESC, category COLLATE "C"))[1:3] AS top_categories,
                           (array_agg(CAST(items AS int) ORDER BY items DESC, category COLLATE "C"))[1:3] AS top_items
                    FROM category_items GROUP BY customer_id
                )
                UPDATE customer_profile c SET
                    order_count = COALESCE(o.order_count, 0),
                    first_order_at = o.first_order_at,
                    last_order_at = o.last_order_at,
                    net_spend = COALESCE(o.net_spend, 0),
                    spend_12m = COALESCE(o.spend_12m, 0),
                    orders_90d = COALESCE(o.orders_90d, 0),
                    avg_order_value = CASE WHEN o.order_count > 0 THEN round(o.net_spend / o.order_count, 4) ELSE 0 END,
                    discounted_order_share = CASE WHEN o.order_count > 0
                                                  THEN round(CAST(o.discounted_orders AS numeric) / o.order_count, 4) ELSE 0 END,
                    repeat_intervals = COALESCE(i.n, 0),
                    repeat_interval_mean_days = i.mean_days,
                    repeat_interval_median_days = i.median_days,
                    repeat_spend = COALESCE(i.repeat_spend, 0),
                    items = COALESCE(k.items, 0),
                    top_categories = COALESCE(k.top_categories, '{}'),
                    top_category_items = COALESCE(k.top_items, '{}'),
                    open_product_view_at = CASE WHEN c.last_product_view_at > COALESCE(o.last_placed_at, '-infinity')
                                                THEN c.last_product_view_at END,
                    open_cart_add_at = CASE WHEN c.last_cart_add_at > COALESCE(o.last_placed_at, '-infinity')
                                            THEN c.last_cart_add_at END
                FROM touched t
                LEFT JOIN totals o ON o.customer_id = t.customer_id
                LEFT JOIN intervals i ON i.customer_id = t.customer_id
                LEFT JOIN categories k ON k.customer_id = t.customer_id
                WHERE c.customer_id = t.customer_id"""
                .formatted(RollingWindows.sqlInLast12Months("p.occurred_at", "t.last_event_at", zone),
                        RollingWindows.sqlInLast90Days("p.occurred_at", "t.last_event_at", zone),
                        CalendarDays.sqlDate("occurred_at", zone));
    }

    private String json(SortedMap<String, Integer> itemsByCategory) {
        try {
            return json.writeValueAsString(itemsByCategory);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the items of an order: " + e.getMessage(), e);
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String required(Map<String, String> hashes, String customerId) {
        String hash = hashes.get(customerId);
        if (hash == null) {
            throw new IllegalArgumentException("no hash for a customer of the batch");
        }
        return hash;
    }
}
