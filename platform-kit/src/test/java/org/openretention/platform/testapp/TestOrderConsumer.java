package org.openretention.platform.testapp;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openretention.events.EventEnvelope;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.platform.messaging.RejectedEventException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A consumer like the services' own: each OrderCompleted adds a row to kit_test_effect. */
@ApplicationScoped
public class TestOrderConsumer {

    @Inject
    EventIntake intake;
    @Inject
    AgroalDataSource dataSource;

    @Incoming("kit-orders")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.accept("kit-orders", records, this::apply);
    }

    private void apply(EventEnvelope<?> event) {
        if (!(event.payload() instanceof OrderCompleted order)) {
            return;
        }
        if (order.orderId().startsWith("reject-")) {
            throw new RejectedEventException("order " + order.orderId() + " cannot be applied");
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
