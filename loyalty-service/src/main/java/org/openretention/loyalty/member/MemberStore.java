package org.openretention.loyalty.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openretention.loyalty.ledger.LedgerEntry;
import org.openretention.loyalty.ledger.PointsLot;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Programme;
import org.openretention.platform.jdbc.StatementPipeline;
import org.openretention.platform.jdbc.TableRows;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store of members for work that changes them (event intake, maintenance, API changes): loads member sessions
 * under their locks and saves what the sessions changed (members, lots, ledger entries, orders, activity counters,
 * referrals), with a handful of set-based statements per batch of members, on the connection of the caller's
 * transaction.
 *
 * <p>Infrastructure, not domain: the one hand-tuned store of the service, on the platform kit's
 * {@link StatementPipeline} (statements queued and sent together) and {@link TableRows} (INSERT from arrays or COPY).
 * This is the hot path of event intake: per batch it costs the same number of round trips whether it holds one
 * member or five hundred. Reads that save nothing use {@link MemberReader}.
 */
@ApplicationScoped
public class MemberStore {

    private final StatementPipeline pipeline;
    private final MemberCache cache;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public MemberStore(StatementPipeline pipeline, MemberCache cache, TransactionSynchronizationRegistry transactions) {
        this.pipeline = pipeline;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** How far back before the earliest event of a batch orders are read: every rule looks back at most this far. */
    public static final int ORDER_HORIZON_MONTHS = 25;
    /**
     * Orders read from the database go this much further back than the batch needs, and members kept in memory
     * keep them, so that a later batch whose events are a little older (events of different customers arrive
     * out of order) can still use the member kept in memory.
     */
    static final int CACHED_ORDER_SLACK_MONTHS = 1;

    /**
     * Loads the members among {@code customerIds}, locking them, with their open lots, the orders since
     * {@code ordersSince} and those named in {@code namedOrders} (by customer), the activity counters since
     * {@code activitySince} (none when it is {@code null}: for work without interactions, which alone read them),
     * and their referral. Members not stored yet are absent from the result.
     *
     * <p>Lots and orders of members this instance saved last come from the {@link MemberCache} when the stored
     * version still matches; only the others' are read.
     */
    public Map<String, MemberSession> load(Collection<String> customerIds, Instant ordersSince, Map<String, ? extends Collection<String>> namedOrders,
                                           LocalDate activitySince, Programme programme) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        boolean withActivity = activitySince != null;
        String[] sortedIds = customerIds.stream().distinct().sorted().toArray(String[]::new);
        // cached members usable for this batch: complete for its order horizon and holding every order it names
        Map<String, MemberCache.Entry> cached = new HashMap<>(cache.checkOut(customerIds));
        cached.values().removeIf(e -> {
            Collection<String> named = namedOrders.get(e.member().customerId);
            return e.ordersFrom().isAfter(horizonOf(ordersSince, e.advancedTo(), programme))
                    || (named != null && !e.orders().keySet().containsAll(named));
        });
        Instant readFrom = ordersSince.atZone(programme.zone()).minusMonths(CACHED_ORDER_SLACK_MONTHS).toInstant();
        List<String> orderIds = new ArrayList<>();
        namedOrders.values().forEach(orderIds::addAll);
        // first round trip, with whatever the transaction has queued before it: the statements go out together and
        // answer in order, each after the one before, so the reads see everything committed before the locks were
        // granted
        String sql = withActivity ? LOCK_AND_SELECT_WITH_ACTIVITY : LOCK_AND_SELECT;
        Map<String, StoredMember> members = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> activity = new HashMap<>();
        Map<String, Referral> referrals = new HashMap<>();
        pipeline.call(sql, p -> {
            Array ids = p.createArray("varchar", sortedIds);
            p.array(ids);
            p.array(ids);
            if (withActivity) {
                p.array(ids).object(Date.valueOf(activitySince));
            }
            p.array(ids);
        }, s -> {
            s.getMoreResults(); // the locks
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    Member m = MemberRows.member(rs);
                    members.put(m.customerId, new StoredMember(m, MemberRows.debt(rs), MemberRows.advancedTo(rs), rs.getLong(14)));
                }
            }
            if (withActivity) {
                s.getMoreResults();
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        activity.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .put(MemberSession.activityKey(rs.getDate(2).toLocalDate(), EarningTrigger.valueOf(rs.getString(3))), rs.getInt(4));
                    }
                }
            }
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    Referral r = MemberRows.referral(rs);
                    referrals.put(r.refereeId, r);
                }
            }
            return null;
        });
        // a member kept in memory counts only at the version stored now; the others' lots and orders are read,
        // in a second round trip that a batch of members all kept in memory never makes
        cached.entrySet().removeIf(e -> !members.containsKey(e.getKey()) || members.get(e.getKey()).version() != e.getValue().version());
        List<String> stale = members.keySet().stream().filter(id -> !cached.containsKey(id)).toList();
        Map<String, List<PointsLot>> lots = new HashMap<>();
        Map<String, Map<String, OrderRecord>> orders = new HashMap<>();
        Instant from = readFrom;
        for (String id : stale) {
            Instant horizon = horizonOf(readFrom, members.get(id).advancedTo(), programme);
            from = horizon.isBefore(from) ? horizon : from;
        }
        Instant ordersFrom = from;
        if (!stale.isEmpty()) {
            Object[] staleIds = stale.toArray();
            pipeline.call(SELECT_LOTS_AND_ORDERS, p -> {
                        Array ids = p.createArray("varchar", staleIds);
                        p.array(ids).array(ids).timestamp(ordersFrom).array("varchar", orderIds.toArray());
                    }, s -> {
                        try (ResultSet rs = s.getResultSet()) {
                            while (rs.next()) {
                                lots.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(MemberRows.lot(rs));
                            }
                        }
                        s.getMoreResults();
                        try (ResultSet rs = s.getResultSet()) {
                            while (rs.next()) {
                                OrderRecord o = MemberRows.order(rs);
                                orders.computeIfAbsent(o.customerId, k -> new HashMap<>()).put(o.orderId, o);
                            }
                        }
                        return null;
                    });
        }
        Map<String, MemberSession> sessions = new LinkedHashMap<>();
        for (StoredMember row : members.values()) {
            String id = row.member().customerId;
            MemberCache.Entry mine = cached.get(id);
            MemberSession session;
            if (mine != null) {
                session = MemberSession.adopt(mine, activity.getOrDefault(id, Map.of()), referrals.get(id), programme);
            } else {
                session = MemberSession.restore(row.member(), row.debt(), row.advancedTo(), lots.getOrDefault(id, List.of()),
                        orders.getOrDefault(id, Map.of()), activity.getOrDefault(id, Map.of()), referrals.get(id), programme);
                session.ordersFrom = ordersFrom;
            }
            sessions.put(id, session);
        }
        cache.record(members.size() - stale.size(), stale.size());
        return sessions;
    }

    /**
     * From when a member's orders are needed: {@code since} (what the work at hand looks back to), or earlier for a
     * member whose state was last advanced long ago. Advancing it to now passes requalification dates that each
     * look back a year, the first of them up to a year after where it stands: a member without events or
     * maintenance for two years needs the orders from three years ago.
     */
    static Instant horizonOf(Instant since, Instant advancedTo, Programme programme) {
        if (advancedTo == null) {
            return since;
        }
        // a month more than the rules need, as MemberReader asks the database
        Instant fromAdvanced = advancedTo.atZone(programme.zone()).minusMonths(ORDER_HORIZON_MONTHS + 1).toInstant();
        return fromAdvanced.isBefore(since) ? fromAdvanced : since;
    }

    /** A member row as read by the load. */
    private record StoredMember(Member member, long debt, Instant advancedTo, long version) {
    }

    /** The member columns (see MemberRows), then the version as column 14. */
    private static final String SELECT_MEMBERS = "SELECT " + MemberRows.MEMBER + ", version FROM loyalty_member WHERE customer_id = ANY (?)";

    private static final String SELECT_LOTS_AND_ORDERS = "SELECT " + MemberRows.LOT + " FROM points_lot WHERE customer_id = ANY (?) AND remaining > 0;\n"
            + "SELECT " + MemberRows.ORDER + " FROM loyalty_order WHERE customer_id = ANY (?) AND (occurred_at > ? OR order_id = ANY (?))";

    /**
     * Serialises work on the same members across transactions (the three input channels, the maintenance job and
     * API calls), including members not stored yet, which row locks cannot cover. Transaction-scoped advisory
     * locks taken in customer id order, so two batches never wait on each other in a cycle.
     */
    private static final String LOCK_MEMBERS = """
            SELECT count(pg_advisory_xact_lock(hashtext('loyalty-member'), hashtext(id)))
            FROM (SELECT id FROM unnest(?::varchar[]) AS id ORDER BY id) AS sorted""";

    private static final String SELECT_ACTIVITY = "SELECT customer_id, day, trigger, times FROM daily_activity WHERE customer_id = ANY (?) AND day >= ?";

    private static final String SELECT_REFERRALS = "SELECT " + MemberRows.REFERRAL + "\nFROM referral WHERE referee_id = ANY (?)";

    /**
     * The first round trip of a load: the locks, the members, their activity counters since a day (only for work
     * with interactions) and their referrals.
     */
    private static final String LOCK_AND_SELECT = LOCK_MEMBERS + ";\n" + SELECT_MEMBERS + ";\n" + SELECT_REFERRALS;
    private static final String LOCK_AND_SELECT_WITH_ACTIVITY = LOCK_MEMBERS + ";\n" + SELECT_MEMBERS + ";\n" + SELECT_ACTIVITY + ";\n" + SELECT_REFERRALS;

    /**
     * Saves everything the sessions changed, in the caller's transaction, each member with a new version; once
     * the transaction has committed, the members are kept in the {@link MemberCache} at that version.
     */
    public void save(Collection<MemberSession> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        long[] versions = new long[sessions.size()];
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < versions.length; i++) {
            versions[i] = random.nextLong();
        }
        // queued in the transaction's statement pipeline: sent together, with the intake's other writes
        saveMembers(sessions, versions);
        saveLots(sessions);
        saveEntries(sessions);
        saveOrders(sessions);
        saveActivity(sessions);
        saveReferrals(sessions);
        if (cache.enabled()) {
            keepAfterCommit(List.copyOf(sessions), versions);
        }
    }

    private void keepAfterCommit(List<MemberSession> sessions, long[] versions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return; // nothing was checked back in: the next batch reads these members from the database
                }
                List<MemberCache.Entry> entries = new ArrayList<>(sessions.size());
                for (int i = 0; i < versions.length; i++) {
                    MemberSession session = sessions.get(i);
                    entries.add(MemberCache.entryOf(session, versions[i], session.ordersFrom, session.programme().zone()));
                }
                cache.checkIn(entries);
            }
        });
    }

    private static final String[] MEMBER_COLUMNS = {"customer_id varchar", "enrolled_at timestamptz", "registered bool", "birthday date",
            "referral_code varchar", "tier varchar", "tier_since timestamptz", "next_requalification_at timestamptz", "debt int8",
            "lifetime_points int8", "advanced_to timestamptz", "welcome_bonus_order_id varchar", "last_birthday_gift_year int4",
            "next_due_at timestamptz", "version int8"};
    private static final String[] LOT_COLUMNS = {"id uuid", "customer_id varchar", "source varchar", "reason varchar", "order_id varchar",
            "cause_id varchar", "earned_at timestamptz", "available_at timestamptz", "expires_at timestamptz", "amount int8", "remaining int8",
            "expired int8", "expiry_notified bool"};
    private static final String[] ENTRY_COLUMNS = {"customer_id varchar", "type varchar", "points int8", "reason varchar", "cause_id varchar",
            "lot_id uuid", "occurred_at timestamptz", "available_at timestamptz", "actor varchar"};
    private static final String[] ORDER_COLUMNS = {"order_id varchar", "customer_id varchar", "occurred_at timestamptz", "currency bpchar",
            "net_amount numeric", "qualifying_amount numeric", "refunded_amount numeric", "points int8", "points_clawed int8", "status varchar",
            "welcome_points int8"};

    /*
     * Rows that are new (members enrolled in this batch, lots, ledger entries, orders seen for the first time) go in
     * with one statement per table whatever the batch size (StatementPipeline.insert: an INSERT from arrays, or COPY
     * for many rows). The advisory locks taken by load() make sure nobody else inserts the same member or order
     * meanwhile. Rows that exist are updated in place, one UPDATE per table joined to arrays of the new values: by
     * primary key, which PostgreSQL can do without touching the indexes when no indexed column changed (HOT), where
     * INSERT ... ON CONFLICT would probe them first.
     */

    /*
     * Members already stored are updated with one statement per batch: the new values travel as arrays, one per
     * column, and are joined to the rows by customer id (a JDBC batch of single-row UPDATEs cost about 20 us of
     * server time per member in parse, bind and execute). Timestamps travel as ISO-8601 text.
     */
    private static final String UPDATE_MEMBERS = """
            UPDATE loyalty_member m SET enrolled_at = u.enrolled_at::timestamptz, registered = u.registered, birthday = u.birthday::date,
                referral_code = u.referral_code, tier = u.tier, tier_since = u.tier_since::timestamptz,
                next_requalification_at = u.next_requalification_at::timestamptz, debt = u.debt, lifetime_points = u.lifetime_points,
                advanced_to = u.advanced_to::timestamptz, welcome_bonus_order_id = u.welcome_bonus_order_id,
                last_birthday_gift_year = u.last_birthday_gift_year, next_due_at = u.next_due_at::timestamptz, version = u.version
            FROM unnest(?::varchar[], ?::text[], ?::bool[], ?::text[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::int8[], ?::int8[],
                        ?::text[], ?::varchar[], ?::int4[], ?::text[], ?::int8[])
                AS u (customer_id, enrolled_at, registered, birthday, referral_code, tier, tier_since, next_requalification_at, debt,
                      lifetime_points, advanced_to, welcome_bonus_order_id, last_birthday_gift_year, next_due_at, version)
            WHERE m.customer_id = u.customer_id""";

    private void saveMembers(Collection<MemberSession> sessions, long[] versions) {
        TableRows fresh = new TableRows("loyalty_member", MEMBER_COLUMNS);
        int n = sessions.size();
        String[] id = new String[n];
        String[] enrolledAt = new String[n];
        Boolean[] registered = new Boolean[n];
        String[] birthday = new String[n];
        String[] referralCode = new String[n];
        String[] tier = new String[n];
        String[] tierSince = new String[n];
        String[] requalification = new String[n];
        Long[] debt = new Long[n];
        Long[] lifetime = new Long[n];
        String[] advancedTo = new String[n];
        String[] welcome = new String[n];
        Integer[] giftYear = new Integer[n];
        String[] nextDue = new String[n];
        Long[] version = new Long[n];
        int updates = 0;
        int i = 0;
        for (MemberSession session : sessions) {
            Member m = session.member();
            long v = versions[i++];
            if (session.isNew()) {
                fresh.row(m.customerId, m.enrolledAt, m.registered, m.birthday, m.referralCode, m.tier, m.tierSince,
                        m.nextRequalificationAt, session.account().debt(), m.lifetimePoints, session.account().advancedTo(),
                        m.welcomeBonusOrderId, m.lastBirthdayGiftYear, session.nextDueAt(), v);
                continue;
            }
            int k = updates++;
            id[k] = m.customerId;
            enrolledAt[k] = m.enrolledAt.toString();
            registered[k] = m.registered;
            birthday[k] = m.birthday == null ? null : m.birthday.toString();
            referralCode[k] = m.referralCode;
            tier[k] = m.tier;
            tierSince[k] = m.tierSince.toString();
            requalification[k] = m.nextRequalificationAt.toString();
            debt[k] = session.account().debt();
            lifetime[k] = m.lifetimePoints;
            advancedTo[k] = session.account().advancedTo().toString();
            welcome[k] = m.welcomeBonusOrderId;
            giftYear[k] = m.lastBirthdayGiftYear;
            nextDue[k] = session.nextDueAt().toString();
            version[k] = v;
        }
        if (updates > 0) {
            int k = updates;
            pipeline.queue(UPDATE_MEMBERS, p -> p.array("varchar", Arrays.copyOf(id, k)).array("text", Arrays.copyOf(enrolledAt, k))
                            .array("bool", Arrays.copyOf(registered, k)).array("text", Arrays.copyOf(birthday, k))
                            .array("varchar", Arrays.copyOf(referralCode, k)).array("varchar", Arrays.copyOf(tier, k))
                            .array("text", Arrays.copyOf(tierSince, k)).array("text", Arrays.copyOf(requalification, k))
                            .array("int8", Arrays.copyOf(debt, k)).array("int8", Arrays.copyOf(lifetime, k))
                            .array("text", Arrays.copyOf(advancedTo, k)).array("varchar", Arrays.copyOf(welcome, k))
                            .array("int4", Arrays.copyOf(giftYear, k)).array("text", Arrays.copyOf(nextDue, k))
                            .array("int8", Arrays.copyOf(version, k)),
                    StatementPipeline.Check.changes(k, "members updated (some were deleted meanwhile)"));
        }
        pipeline.insert(fresh);
    }

    private static final String UPDATE_LOTS = """
            UPDATE points_lot l SET amount = u.amount, remaining = u.remaining, expired = u.expired, expiry_notified = u.expiry_notified
            FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::int8[], ?::bool[]) AS u (id, amount, remaining, expired, expiry_notified)
            WHERE l.id = u.id""";

    private void saveLots(Collection<MemberSession> sessions) {
        TableRows fresh = new TableRows("points_lot", LOT_COLUMNS);
        List<PointsLot> changed = new ArrayList<>();
        for (MemberSession session : sessions) {
            for (PointsLot lot : session.account().newLots()) {
                fresh.row(lot.id(), lot.customerId(), lot.source().name(), lot.reason(), lot.orderId(), lot.causeId(), lot.earnedAt(),
                        lot.availableAt(), lot.expiresAt(), lot.amount(), lot.remaining(), lot.expired(), lot.expiryNotified());
            }
            changed.addAll(session.account().changedLots());
        }
        if (!changed.isEmpty()) {
            int n = changed.size();
            pipeline.queue(UPDATE_LOTS, p -> p.array("uuid", changed.stream().map(PointsLot::id).toArray())
                            .array("int8", changed.stream().map(PointsLot::amount).toArray())
                            .array("int8", changed.stream().map(PointsLot::remaining).toArray())
                            .array("int8", changed.stream().map(PointsLot::expired).toArray())
                            .array("bool", changed.stream().map(PointsLot::expiryNotified).toArray()),
                    StatementPipeline.Check.changes(n, "lots updated"));
        }
        pipeline.insert(fresh);
    }

    private void saveEntries(Collection<MemberSession> sessions) {
        TableRows rows = new TableRows("ledger_entry", ENTRY_COLUMNS);
        for (MemberSession session : sessions) {
            for (LedgerEntry e : session.account().newEntries()) {
                rows.row(e.customerId(), e.type().name(), e.points(), e.reason(), e.causeId(), e.lotId(), e.occurredAt(), e.availableAt(), e.actor());
            }
        }
        pipeline.insert(rows);
    }

    private static final String UPDATE_ORDERS = """
            UPDATE loyalty_order o SET refunded_amount = u.refunded_amount, points = u.points, points_clawed = u.points_clawed, status = u.status
            FROM unnest(?::varchar[], ?::varchar[], ?::numeric[], ?::int8[], ?::int8[], ?::varchar[])
                AS u (customer_id, order_id, refunded_amount, points, points_clawed, status)
            WHERE o.customer_id = u.customer_id AND o.order_id = u.order_id""";

    private void saveOrders(Collection<MemberSession> sessions) {
        TableRows fresh = new TableRows("loyalty_order", ORDER_COLUMNS);
        List<OrderRecord> changed = new ArrayList<>();
        for (MemberSession session : sessions) {
            for (OrderRecord o : session.orders().values()) {
                if (!o.changed) {
                    continue;
                }
                if (o.fresh) {
                    fresh.row(o.orderId, o.customerId, o.occurredAt, o.currency, o.netAmount, o.qualifyingAmount, o.refundedAmount, o.points,
                            o.pointsClawed, o.status.name(), o.welcomePoints);
                } else {
                    changed.add(o);
                }
            }
        }
        if (!changed.isEmpty()) {
            int n = changed.size();
            pipeline.queue(UPDATE_ORDERS, p -> p.array("varchar", changed.stream().map(o -> o.customerId).toArray())
                            .array("varchar", changed.stream().map(o -> o.orderId).toArray())
                            .array("numeric", changed.stream().map(o -> o.refundedAmount).toArray())
                            .array("int8", changed.stream().map(o -> o.points).toArray())
                            .array("int8", changed.stream().map(o -> o.pointsClawed).toArray())
                            .array("varchar", changed.stream().map(o -> o.status.name()).toArray()),
                    StatementPipeline.Check.changes(n, "orders updated"));
        }
        pipeline.insert(fresh);
    }

    private static final String UPSERT_ACTIVITY = """
            INSERT INTO daily_activity (customer_id, day, trigger, times)
            SELECT u.customer_id, u.day::date, u.trigger, u.times FROM unnest(?::varchar[], ?::text[], ?::varchar[], ?::int4[]) AS u (customer_id, day, trigger, times)
            ON CONFLICT (customer_id, day, trigger) DO UPDATE SET times = EXCLUDED.times""";

    private void saveActivity(Collection<MemberSession> sessions) {
        List<String> customers = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        List<Integer> times = new ArrayList<>();
        for (MemberSession session : sessions) {
            for (Map.Entry<String, Integer> e : session.changedActivity().entrySet()) {
                String[] key = e.getKey().split("\\|");
                customers.add(session.member().customerId);
                days.add(LocalDate.parse(key[0]).toString());
                triggers.add(key[1]);
                times.add(e.getValue());
            }
        }
        if (!customers.isEmpty()) {
            pipeline.queue(UPSERT_ACTIVITY, p -> p.array("varchar", customers.toArray()).array("text", days.toArray())
                    .array("varchar", triggers.toArray()).array("int4", times.toArray()), StatementPipeline.Check.NONE);
        }
    }

    private void saveReferrals(Collection<MemberSession> sessions) {
        boolean any = false;
        for (MemberSession session : sessions) {
            Referral r = session.referral().orElse(null);
            any |= (r != null && r.changed) || session.member().referralCodeAssigned;
        }
        if (!any) {
            return;
        }
        // rare (registrations with a code, conversions): plain JDBC batches, after what the pipeline holds
        try (Connection c = pipeline.connection();
             PreparedStatement s = c.prepareStatement("""
                INSERT INTO referral (referee_id, referral_code, referrer_id, invited_at, status, qualifying_order_id, converts_at, converted_at, referrer_points, referee_points)
                VALUES (?, ?, (SELECT customer_id FROM loyalty_member WHERE referral_code = ?), ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (referee_id) DO UPDATE SET referrer_id = COALESCE(referral.referrer_id, EXCLUDED.referrer_id), status = EXCLUDED.status,
                    qualifying_order_id = EXCLUDED.qualifying_order_id, converts_at = EXCLUDED.converts_at, converted_at = EXCLUDED.converted_at,
                    referrer_points = EXCLUDED.referrer_points, referee_points = EXCLUDED.referee_points""");
             PreparedStatement resolve = c.prepareStatement(
                     "UPDATE referral SET referrer_id = ? WHERE referrer_id IS NULL AND referral_code = ? AND referee_id <> ?")) {
            for (MemberSession session : sessions) {
                Referral r = session.referral().orElse(null);
                if (r != null && r.changed) {
                    s.setString(1, r.refereeId);
                    s.setString(2, r.referralCode);
                    s.setString(3, r.referralCode);
                    s.setTimestamp(4, Timestamp.from(r.invitedAt));
                    s.setString(5, r.status.name());
                    s.setString(6, r.qualifyingOrderId);
                    s.setTimestamp(7, r.convertsAt == null ? null : Timestamp.from(r.convertsAt));
                    s.setTimestamp(8, r.convertedAt == null ? null : Timestamp.from(r.convertedAt));
                    s.setLong(9, r.referrerPoints);
                    s.setLong(10, r.refereePoints);
                    s.addBatch();
                }
                // invitations that arrived before their referrer registered find their referrer now
                if (session.member().referralCodeAssigned) {
                    resolve.setString(1, session.member().customerId);
                    resolve.setString(2, session.member().referralCode);
                    resolve.setString(3, session.member().customerId);
                    resolve.addBatch();
                }
            }
            s.executeBatch();
            resolve.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save referrals: " + e.getMessage(), e);
        }
    }
}
