package org.openretention.loyalty.member;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.ledger.PointsLot;
import org.openretention.loyalty.program.Programme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One member for reads that save nothing (the member summary): the rows {@link MemberStore#load} reads for work
 * that saves (the member, its open lots, its orders since {@code ordersSince}), without its locks, activity counters
 * and referral, for one customer, in one round trip to the database. The three queries go out as one statement list and come back as three results, so
 * a GET waits for the database once instead of three times. No locks and no transaction of its own: on a
 * connection in autocommit mode each query sees the latest committed state, as it would in a READ COMMITTED
 * transaction.
 *
 * <p>The columns and their mapping are {@link MemberRows}, shared with MemberStore's load; MemberReaderTest compares the two.
 *
 * <p>A member this instance saved last and keeps in its {@link MemberCache} is read from memory instead: a copy of
 * the cached member, used only if the stored version (one primary-key lookup) is still the one this instance saved,
 * exactly as an intake batch decides whether it may use the cache. Any other writer changes the version, and the
 * member is read from the database. The member summary at 1,000 requests/s spent most of its database time
 * fetching the member's lots and orders again (benchmarks/results).
 */
@ApplicationScoped
public class MemberReader {

    private static final String QUERIES = "SELECT " + MemberRows.MEMBER + " FROM loyalty_member WHERE customer_id = ?;\n"
            + "SELECT " + MemberRows.LOT + " FROM points_lot WHERE customer_id = ? AND remaining > 0;\n"
            // a member not advanced for long looks back from where it stands (see MemberStore.horizonOf); a month more
            // than ORDER_HORIZON_MONTHS, as the database counts months in its own time zone
            + "SELECT " + MemberRows.ORDER + " FROM loyalty_order WHERE customer_id = ? AND occurred_at > least(?, "
            + "(SELECT advanced_to FROM loyalty_member WHERE customer_id = ?) - make_interval(months => " + (MemberStore.ORDER_HORIZON_MONTHS + 1) + "))";

    private static final String VERSION = "SELECT version FROM loyalty_member WHERE customer_id = ?";
    private static final String READS_DESCRIPTION =
            "Member reads of the summary, by source: memory (the member cache, at the stored version) or database";

    private final AgroalDataSource dataSource;
    private final MemberCache cache;
    private final Counter fromMemory;
    private final Counter fromDatabase;

    @Inject
    public MemberReader(AgroalDataSource dataSource, MemberCache cache, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.fromMemory = Counter.builder("loyalty.member.reads").tag("source", "memory")
                .description(READS_DESCRIPTION).register(registry);
        this.fromDatabase = Counter.builder("loyalty.member.reads").tag("source", "database")
                .description(READS_DESCRIPTION).register(registry);
    }

    /** The stored member with its open lots and its orders since {@code ordersSince}; empty when not stored. */
    public Optional<MemberSession> read(String customerId, Instant ordersSince, Programme programme) {
        MemberSession cached = readCached(customerId, ordersSince, programme);
        if (cached != null) {
            fromMemory.increment();
            return Optional.of(cached);
        }
        fromDatabase.increment();
        return readStored(customerId, ordersSince, programme);
    }

    /**
     * The member from the cache, if it is there, not checked out by a batch, complete back to {@code ordersSince}
     * (as MemberStore requires of a cached member) and still at the stored version; {@code null} otherwise.
     */
    MemberSession readCached(String customerId, Instant ordersSince, Programme programme) {
        MemberCache.Snapshot snapshot = cache.snapshot(customerId);
        if (snapshot == null || snapshot.ordersFrom().isAfter(MemberStore.horizonOf(ordersSince, snapshot.advancedTo(), programme))) {
            return null;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(VERSION)) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != snapshot.version()) {
                    return null; // changed since this instance saved it, or erased
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the version of member " + customerId + ": " + e.getMessage(), e);
        }
        return MemberSession.restore(snapshot.member(), snapshot.debt(), snapshot.advancedTo(), snapshot.lots(), snapshot.orders(),
                Map.of(), null, programme);
    }

    /** The member from the database, in one round trip. */
    Optional<MemberSession> readStored(String customerId, Instant ordersSince, Programme programme) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERIES)) {
            s.setString(1, customerId);
            s.setString(2, customerId);
            s.setString(3, customerId);
            s.setTimestamp(4, Timestamp.from(ordersSince));
            s.setString(5, customerId);
            if (!s.execute()) {
                throw new IllegalStateException("the member query returned no rows");
            }
            Member member = null;
            long debt = 0;
            Instant advancedTo = null;
            try (ResultSet rs = s.getResultSet()) {
                if (rs.next()) {
                    member = MemberRows.member(rs);
                    debt = MemberRows.debt(rs);
                    advancedTo = MemberRows.advancedTo(rs);
                }
            }
            if (member == null) {
                return Optional.empty(); // the other two results are dropped with the statement
            }
            List<PointsLot> lots = new ArrayList<>();
            next(s, "lots");
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    lots.add(MemberRows.lot(rs));
                }
            }
            Map<String, OrderRecord> orders = new HashMap<>();
            next(s, "orders");
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    OrderRecord o = MemberRows.order(rs);
                    orders.put(o.orderId, o);
                }
            }
            return Optional.of(MemberSession.restore(member, debt, advancedTo, lots, orders, Map.of(), null, programme));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read member " + customerId + ": " + e.getMessage(), e);
        }
    }

    private static void next(PreparedStatement s, String what) throws SQLException {
        if (!s.getMoreResults()) {
            throw new IllegalStateException("no result for the " + what + " query");
        }
    }

}
