package org.openretention.loyalty.member;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.ledger.EntryType;
import org.openretention.loyalty.ledger.PointsLot;
import org.openretention.loyalty.program.Programme;

import java.sql.Connection;
import java.sql.Date;
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
import java.util.UUID;

/**
 * One member for reads that save nothing (the member summary): the rows {@link LedgerStore#load} reads with
 * {@code readOnly} (the member, its open lots, its orders since {@code ordersSince}), for one customer, in one
 * round trip to the database. The three queries go out as one statement list and come back as three results, so
 * a GET waits for the database once instead of three times. No locks and no transaction of its own: on a
 * connection in autocommit mode each query sees the latest committed state, as it would in a READ COMMITTED
 * transaction.
 *
 * <p>Keep the columns and their mapping in step with LedgerStore's load; MemberReaderTest compares the two.
 */
@ApplicationScoped
public class MemberReader {

    private static final String QUERIES = """
            SELECT customer_id, enrolled_at, registered, birthday, referral_code, tier, tier_since, next_requalification_at,
                   debt, lifetime_points, advanced_to, welcome_bonus_order_id, last_birthday_gift_year
            FROM loyalty_member WHERE customer_id = ?;
            SELECT id, customer_id, source, reason, order_id, cause_id, earned_at, available_at, expires_at, amount, remaining, expired, expiry_notified
            FROM points_lot WHERE customer_id = ? AND remaining > 0;
            SELECT order_id, customer_id, occurred_at, currency, net_amount, qualifying_amount, refunded_amount, points, points_clawed, status
            FROM loyalty_order WHERE customer_id = ? AND occurred_at > ?""";

    private final AgroalDataSource dataSource;

    @Inject
    public MemberReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored member with its open lots and its orders since {@code ordersSince}; empty when not stored. */
    public Optional<MemberSession> read(String customerId, Instant ordersSince, Programme programme) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERIES)) {
            s.setString(1, customerId);
            s.setString(2, customerId);
            s.setString(3, customerId);
            s.setTimestamp(4, Timestamp.from(ordersSince));
            if (!s.execute()) {
                throw new IllegalStateException("the member query returned no rows");
            }
            Member member = null;
            long debt = 0;
            Instant advancedTo = null;
            try (ResultSet rs = s.getResultSet()) {
                if (rs.next()) {
                    Date birthday = rs.getDate(4);
                    member = new Member(rs.getString(1), instant(rs, 2), rs.getBoolean(3), birthday == null ? null : birthday.toLocalDate(),
                            rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getLong(10), rs.getString(12),
                            rs.getObject(13, Integer.class));
                    debt = rs.getLong(9);
                    advancedTo = instant(rs, 11);
                }
            }
            if (member == null) {
                return Optional.empty(); // the other two results are dropped with the statement
            }
            List<PointsLot> lots = new ArrayList<>();
            next(s, "lots");
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    lots.add(new PointsLot(rs.getObject(1, UUID.class), rs.getString(2), EntryType.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getLong(10), rs.getLong(11),
                            rs.getLong(12), rs.getBoolean(13)));
                }
            }
            Map<String, OrderRecord> orders = new HashMap<>();
            next(s, "orders");
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    OrderRecord o = new OrderRecord(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8), rs.getLong(9), OrderRecord.Status.valueOf(rs.getString(10)));
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

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
