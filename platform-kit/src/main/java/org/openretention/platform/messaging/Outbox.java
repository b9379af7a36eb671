package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The transactional outbox: an event a service publishes because its state changed is written here, on the
 * connection of the transaction that made the change, and {@link OutboxRelay} sends it to Kafka after commit.
 * A crash between commit and send loses nothing; a rolled-back change publishes nothing.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO platform_outbox (event_id, topic, record_key, event_type, payload)
            VALUES (?, ?, ?, ?, ?)""";
    private static final Object WAKE_REGISTERED = new Object();

    private final AgroalDataSource dataSource;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    @Inject
    public Outbox(AgroalDataSource dataSource, EventCodec codec, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Adds the event to the outbox in the current transaction; the record key is its customerId. */
    public void publish(String topic, EventEnvelope<?> event) {
        publishAll(topic, List.of(event));
    }

    /** Adds the events in order, with one JDBC batch, in the current transaction. */
    public void publishAll(String topic, List<? extends EventEnvelope<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.publish needs an active transaction: the event must commit with the state change");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (EventEnvelope<?> event : events) {
                insert.setObject(1, event.eventId());
                insert.setString(2, topic);
                insert.setString(3, event.customerId());
                insert.setString(4, event.type());
                insert.setString(5, codec.encode(event));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox: " + e.getMessage(), e);
        }
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) == null) {
            transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wakeUp();
                    }
                }
            });
        }
    }
}
