package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.TestEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members for the API tests, made the real way: events published to Kafka and taken in by the service. Each
 * test uses customers of its own, so tests never depend on each other's data.
 */
final class TestMembers {

    static final Duration INTAKE = Duration.ofSeconds(60);

    private final AgroalDataSource dataSource;

    TestMembers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A registered member whose order of {@code amount} was 10 days ago: its points and the welcome bonus are
     * past the 7-day return window and available. Waits until the service holds them.
     */
    String withAvailablePoints(String amount) {
        String customer = TestEvents.newCustomerId();
        Instant at = Instant.now().minus(Duration.ofDays(10));
        publish(Topics.CUSTOMERS, customer, at, registration(at, null, null));
        publish(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-" + customer, amount, at));
        long expected = new java.math.BigDecimal(amount).longValue() + 100;
        awaitMember(customer, expected);
        return customer;
    }

    /** A registered member without points. */
    String registered() {
        String customer = TestEvents.newCustomerId();
        publish(Topics.CUSTOMERS, customer, Instant.now().minus(Duration.ofDays(1)), registration(Instant.now().minus(Duration.ofDays(1)), null, null));
        awaitMember(customer, 0);
        return customer;
    }

    /** A registration without a birthday (a birthday month would add a gift and change the expected points). */
    static CustomerRegistered registration(Instant at, String referralCode, String referredByCode) {
        return new CustomerRegistered(at, null, "Test Member", null, null, "en-GB", "GB", referralCode, referredByCode, Map.of());
    }

    void publish(String topic, String customer, Instant at, EventPayload payload) {
        publish(topic, EventEnvelope.of(customer, at, "test", payload));
    }

    void publish(String topic, EventEnvelope<?> event) {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            kafka.publish(topic, event);
        }
    }

    /** Waits until the member is registered and holds {@code points} in open lots. */
    void awaitMember(String customer, long points) {
        await().atMost(INTAKE).untilAsserted(() -> {
            assertThat(query("SELECT registered FROM loyalty_member WHERE customer_id = ?", customer)).as("member %s registered", customer).isEqualTo(1L);
            assertThat(openPoints(customer)).as("open points of %s", customer).isEqualTo(points);
        });
    }

    long openPoints(String customer) {
        return query("SELECT COALESCE(sum(remaining), 0) FROM points_lot WHERE customer_id = ?", customer);
    }

    long debt(String customer) {
        return query("SELECT debt FROM loyalty_member WHERE customer_id = ?", customer);
    }

    /** The first column of the first row as a number (booleans as 0/1), or -1 when there is no row. */
    long query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                Object value = rs.getObject(1);
                return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
