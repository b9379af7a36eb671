package org.openretention.platform.testapp;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what the test consumer and the outbox wrote, for assertions. */
@ApplicationScoped
public class TestEffects {

    @Inject
    AgroalDataSource dataSource;

    public List<String> ordersApplied(String customerId) {
        return strings("SELECT order_id FROM kit_test_effect WHERE customer_id = ? ORDER BY id", customerId);
    }

    public record OutboxRow(long seq, int attempts, String lastError) {
    }

    /**
     * The outbox row holding the event (a row holds the events of one publishAll, a line each), or null once the
     * relay has sent (and deleted) it, or if it was never written.
     */
    public OutboxRow outboxRow(java.util.UUID eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, attempts, last_error FROM platform_outbox WHERE strpos(payload, ?) > 0")) {
            s.setString(1, eventId.toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new OutboxRow(rs.getLong(1), rs.getInt(2), rs.getString(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            List<String> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
