package org.openretention.testkit;

import org.openretention.events.EventEnvelope;
import org.openretention.events.customers.ConsentChannel;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid events for tests, each about a customer id no other test uses. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newCustomerId() {
        return "c-test-" + UUID.randomUUID();
    }

    public static EventEnvelope<OrderCompleted> orderCompleted(String customerId, String orderId, String amount, Instant at) {
        BigDecimal value = new BigDecimal(amount);
        return EventEnvelope.of(customerId, at, "test", new OrderCompleted(orderId, value, "CNY", BigDecimal.ZERO, null,
                List.of(new OrderItem("SKU-1", "BOOKS", 1, value))));
    }

    public static EventEnvelope<CustomerRegistered> customerRegistered(String customerId, Instant at) {
        return EventEnvelope.of(customerId, at, "test", new CustomerRegistered(at, customerId + "@example.com", "Test Customer",
                null, LocalDate.of(1990, 5, 17), "en-GB", "GB", null, null, Map.of(ConsentChannel.EMAIL, true)));
    }
}
