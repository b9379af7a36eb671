package org.openretention.loyalty.member;

import org.openretention.loyalty.ledger.EntryType;
import org.openretention.loyalty.ledger.PointsLot;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns of a member, its lots, its orders and its referral, and how a row becomes an object: shared by the
 * load of work that saves ({@link MemberStore}, {@link ReferralConversions}) and the summary's read
 * ({@link MemberReader}), so that none of them reads a member differently.
 */
final class MemberRows {

    /** Columns 1–13 of a member row; debt is column 9, advanced_to column 11. */
    static final String MEMBER = """
            customer_id, enrolled_at, registered, birthday, referral_code, tier, tier_since, next_requalification_at,
            debt, lifetime_points, advanced_to, welcome_bonus_order_id, last_birthday_gift_year""";
    static final String LOT = """
            id, customer_id, source, reason, order_id, cause_id, earned_at, available_at, expires_at, amount, remaining, expired, expiry_notified""";
    static final String ORDER = """
            order_id, customer_id, occurred_at, currency, net_amount, qualifying_amount, refunded_amount, points, points_clawed, status,
            welcome_points""";
    static final String REFERRAL = """
            referee_id, referral_code, referrer_id, invited_at, status, qualifying_order_id, converts_at, converted_at, referrer_points, referee_points""";

    private MemberRows() {
    }

    static Member member(ResultSet rs) throws SQLException {
        Date birthday = rs.getDate(4);
        return new Member(rs.getString(1), instant(rs, 2), rs.getBoolean(3), birthday == null ? null : birthday.toLocalDate(),
                rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getLong(10), rs.getString(12),
                rs.getObject(13, Integer.class));
    }

    static long debt(ResultSet rs) throws SQLException {
        return rs.getLong(9);
    }

    static Instant advancedTo(ResultSet rs) throws SQLException {
        return instant(rs, 11);
    }

    static PointsLot lot(ResultSet rs) throws SQLException {
        return new PointsLot(rs.getObject(1, UUID.class), rs.getString(2), EntryType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getLong(10), rs.getLong(11),
                rs.getLong(12), rs.getBoolean(13));
    }

    static OrderRecord order(ResultSet rs) throws SQLException {
        return new OrderRecord(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8), rs.getLong(11), rs.getLong(9), OrderRecord.Status.valueOf(rs.getString(10)));
    }

    static Referral referral(ResultSet rs) throws SQLException {
        return new Referral(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), Referral.Status.valueOf(rs.getString(5)),
                rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getLong(9), rs.getLong(10));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
