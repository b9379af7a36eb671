package org.openretention.segmentation.store;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles seeded with SQL for tests of the set-based evaluation: facts inserted as the intake would store them,
 * then the intake's own recomputation of the aggregates ({@link ProfileStore#recomputeStatement}).
 */
public final class ProfileSeeds {

    public record Order(String orderId, Instant at, BigDecimal netAmount, boolean discounted, String itemsJson) {
    }

    private final List<String> customers = new ArrayList<>();
    private final Connection connection;

    public ProfileSeeds(Connection connection) {
        this.connection = connection;
    }

    public ProfileSeeds customer(String id, Instant registeredAt, int likes, List<Order> orders) throws SQLException {
        Instant lastEvent = registeredAt;
        for (Order o : orders) {
            lastEvent = lastEvent == null || o.at().isAfter(lastEvent) ? o.at() : lastEvent;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO customer_profile (customer_id, last_event_at, registered_at, likes) VALUES (?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setTimestamp(2, Timestamp.from(lastEvent));
            s.setTimestamp(3, registeredAt == null ? null : Timestamp.from(registeredAt));
            s.setInt(4, likes);
            s.executeUpdate();
        }
        for (Order o : orders) {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
                s.setString(1, id);
                s.setString(2, o.orderId());
                s.setTimestamp(3, Timestamp.from(o.at()));
                s.setBigDecimal(4, o.netAmount());
                s.setBoolean(5, o.discounted());
                s.setString(6, o.itemsJson());
                s.executeUpdate();
            }
        }
        customers.add(id);
        return this;
    }

    /** The intake's recomputation of the aggregates of the customers given twice as a varchar array. */
    public static String recomputeStatement(ZoneId zone) {
        return ProfileStore.recomputeStatement(zone);
    }

    /** Recomputes the seeded customers' aggregates as the intake does. */
    public void recompute(ZoneId zone) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(ProfileStore.recomputeStatement(zone))) {
            Array ids = connection.createArrayOf("varchar", customers.toArray());
            s.setArray(1, ids);
            s.setArray(2, ids);
            s.executeUpdate();
        }
    }
}
