package org.openretention.platform.testapp;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.EventEnvelope;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;
import org.openretention.platform.messaging.RejectedEventException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A use case like the services' own: each OrderCompleted adds a row to kit_test_effect. */
@ApplicationScoped
@EventConsumer(name = "kit-orders", topics = "kit-orders")
public class TestOrderConsumer implements EventHandler {

    /** Attempts at each "crash-" order so far. */
    public static final java.util.Map<String, Integer> CRASHES = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void apply(EventEnvelope<?> event) {
        if (!(event.payload() instanceof OrderCompleted order)) {
            return;
        }
        if (order.orderId().startsWith("reject-")) {
            throw new RejectedEventException("order " + order.orderId() + " cannot be applied");
        }
        if (order.orderId().startsWith("crash-") && CRASHES.merge(order.orderId(), 1, Integer::sum) <= 2) {
            // not an exception the intake isolates: the whole batch fails, as when a dead letter cannot be sent
            throw new AssertionError("order " + order.orderId() + " crashes its first two batches");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO kit_test_effect (customer_id, event_id, order_id) VALUES (?, ?, ?)")) {
            insert.setString(1, event.customerId());
            insert.setObject(2, event.eventId());
            insert.setString(3, order.orderId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
