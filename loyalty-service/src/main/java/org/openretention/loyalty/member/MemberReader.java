package org.openretention.loyalty.member;

import io.agroal.api.AgroalDataSource;
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
 * One member for reads that save nothing (the member summary): the rows {@link LedgerStore#load} reads with
 * {@code readOnly} (the member, its open lots, its orders since {@code ordersSince}), for one customer, in one
 * round trip to the database. The three queries go out as one statement list and come back as three results, so
 * a GET waits for the database once instead of three times. No locks and no transaction of its own: on a
 * connection in autocommit mode each query sees the latest committed state, as it would in a READ COMMITTED
 * transaction.
 *
 * <p>The columns and their mapping are {@link MemberRows}, shared with LedgerStore's load; MemberReaderTest compares the two.
 */
@ApplicationScoped
public class MemberReader {

    private static final String QUERIES = "SELECT " + MemberRows.MEMBER + " FROM loyalty_member WHERE customer_id = ?;\n"
            + "SELECT " + MemberRows.LOT + " FROM points_lot WHERE customer_id = ? AND remaining > 0;\n"
            // a member not advanced for long looks back from where it stands (see LedgerStore.horizonOf); a month more
            // than ORDER_HORIZON_MONTHS, as the database counts months in its own time zone
            + "SELECT " + MemberRows.ORDER + " FROM loyalty_order WHERE customer_id = ? AND occurred_at > least(?, "
            + "(SELECT advanced_to FROM loyalty_member WHERE customer_id = ?) - make_interval(months => " + (LedgerStore.ORDER_HORIZON_MONTHS + 1) + "))";

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
