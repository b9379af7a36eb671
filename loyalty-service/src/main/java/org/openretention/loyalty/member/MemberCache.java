package org.openretention.loyalty.member;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.loyalty.ledger.PointsLot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Members this instance worked on recently, kept in memory between batches so that a batch need not read their
 * open lots and orders again: on a busy stream most members come back within minutes, and reading their history
 * was most of what a batch cost (benchmarks/results).
 *
 * <p>Correctness does not depend on the cache. Every save writes a new random {@code version} on the member row
 * ({@link MemberStore}); a cached member is used only when the stored version, read with the member row under the
 * member's lock, is still the one this instance saved. Any other writer (another
 * instance after a rebalance, an API call, the maintenance job, a restore of the database) changes the version,
 * and the member is read from the database instead.
 *
 * <p>Entries are checked out, not shared: {@link #checkOut} removes them, the batch mutates them while it holds
 * the member's lock, and {@link #checkIn} puts them back only after the transaction committed. A batch that rolls
 * back leaves nothing in the cache, so half-applied state is never reused.
 *
 * <p>Reads that save nothing (the member summary) may take a {@link #snapshot}: a copy of an entry that is in the
 * cache and not checked out, made under the entry's guard, which {@link #checkOut} also takes before a batch may
 * change the entry. The reader then compares the snapshot's version with the stored one, as a batch does.
 *
 * <p>Bounded by rows (lots plus orders), with Caffeine's size-based eviction; {@code loyalty.member-cache-max-rows}.
 */
@ApplicationScoped
public class MemberCache {

    /** Rough heap cost of one cached lot or order with its strings and instants, for the default bound. */
    static final long BYTES_PER_ROW = 300;

    /** A member as saved: the state a session needs that is not read per batch (activity and referral are). */
    record Entry(long version, Member member, long debt, Instant advancedTo, ArrayList<PointsLot> lots,
                 HashMap<String, OrderRecord> orders, Instant ordersFrom, Guard guard) {

        int rows() {
            return 1 + lots.size() + orders.size();
        }
    }

    /** Set, under its own monitor, when a batch checked the entry out: from then on the batch may change it. */
    static final class Guard {
        boolean checkedOut;
    }

    /** A copy of a cached entry: the reader's own, to bring to now and read. */
    record Snapshot(long version, Member member, long debt, Instant advancedTo, List<PointsLot> lots,
                    Map<String, OrderRecord> orders, Instant ordersFrom) {
    }

    private final Cache<String, Entry> cache;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public MemberCache(LoyaltyConfig config, MeterRegistry registry) {
        this(config.memberCacheMaxRows().orElse((long) (Runtime.getRuntime().maxMemory() * 0.4 / BYTES_PER_ROW)), registry);
    }

    MemberCache(long maxRows, MeterRegistry registry) {
        this.cache = maxRows <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxRows)
                .weigher((String id, Entry e) -> e.rows())
                .executor(Runnable::run)
                .build();
        this.hits = Counter.builder("loyalty.member.cache").tag("result", "hit")
                .description("Members of intake batches found in memory at the stored version").register(registry);
        this.misses = Counter.builder("loyalty.member.cache").tag("result", "miss")
                .description("Members of intake batches read from the database").register(registry);
        Gauge.builder("loyalty.member.cache.size", this, MemberCache::size).description("Members kept in memory").register(registry);
    }

    public boolean enabled() {
        return cache != null;
    }

    /** Removes and returns the cached members among {@code customerIds}. */
    Map<String, Entry> checkOut(Collection<String> customerIds) {
        if (cache == null) {
            return Map.of();
        }
        Map<String, Entry> out = new HashMap<>();
        for (String id : customerIds) {
            Entry e = cache.asMap().remove(id);
            if (e != null) {
                synchronized (e.guard()) {
                    e.guard().checkedOut = true; // a snapshot in progress finishes first; later ones leave it alone
                }
                out.put(id, e);
            }
        }
        return out;
    }

    /**
     * A copy of the member as this instance last saved it, if it is in the cache and no batch has checked it out;
     * {@code null} otherwise. The caller must still compare {@link Snapshot#version()} with the stored version.
     */
    Snapshot snapshot(String customerId) {
        if (cache == null) {
            return null;
        }
        Entry e = cache.getIfPresent(customerId);
        if (e == null) {
            return null;
        }
        synchronized (e.guard()) {
            if (e.guard().checkedOut) {
                return null;
            }
            List<PointsLot> lots = new ArrayList<>(e.lots().size());
            for (PointsLot lot : e.lots()) {
                lots.add(lot.copy());
            }
            Map<String, OrderRecord> orders = HashMap.newHashMap(e.orders().size());
            for (OrderRecord o : e.orders().values()) {
                orders.put(o.orderId, o.copy());
            }
            return new Snapshot(e.version(), e.member().copy(), e.debt(), e.advancedTo(), lots, orders, e.ordersFrom());
        }
    }

    /** Counts how a batch's members were found. */
    void record(int hit, int miss) {
        hits.increment(hit);
        misses.increment(miss);
    }

    /** Keeps saved members, after their transaction committed. */
    void checkIn(Collection<Entry> entries) {
        if (cache == null) {
            return;
        }
        for (Entry e : entries) {
            cache.put(e.member().customerId, e);
        }
    }

    /** Forgets a member (erasure). */
    public void forget(String customerId) {
        if (cache != null) {
            cache.invalidate(customerId);
        }
    }

    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** The entry of a saved session: open lots only, and orders within the horizon any rule looks back. */
    static Entry entryOf(MemberSession session, long version, Instant ordersFrom, java.time.ZoneId zone) {
        Instant horizon = session.account().advancedTo().atZone(zone)
                .minusMonths(MemberStore.ORDER_HORIZON_MONTHS + MemberStore.CACHED_ORDER_SLACK_MONTHS).toInstant();
        // the session's own collections, pruned in place: they live on in the cache
        ArrayList<PointsLot> lots = session.account().openLotsForCache();
        lots.removeIf(lot -> lot.remaining() == 0);
        lots.forEach(PointsLot::markSaved);
        HashMap<String, OrderRecord> orders = session.ordersForCache();
        orders.values().removeIf(o -> !o.occurredAt.isAfter(horizon));
        for (OrderRecord o : orders.values()) {
            o.changed = false;
            o.fresh = false;
        }
        Instant from = ordersFrom == null || ordersFrom.isBefore(horizon) ? horizon : ordersFrom;
        session.member().referralCodeAssigned = false;
        return new Entry(version, session.member(), session.account().debt(), session.account().advancedTo(), lots, orders, from, new Guard());
    }
}
