package org.openretention.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.platform.jdbc.StatementPipeline;
import org.openretention.platform.jdbc.TableRows;

import java.util.List;

/**
 * The transactional outbox: an event a service publishes because its state changed is written to the
 * {@code platform_outbox} table on the connection of the transaction that made the change, and {@link OutboxRelay}
 * sends it to Kafka after commit and deletes the row. A crash between commit and send loses nothing; a rolled-back
 * change publishes nothing.
 *
 * <p>Rows are written with one statement per call through the {@link StatementPipeline} (a queued INSERT, or COPY
 * for many rows), on the connection Agroal has enlisted in the caller's JTA transaction; their {@code seq}
 * follows the order of the events given. The record key
 * is the event's customer id, so Kafka keeps each customer's events in order.
 */
@ApplicationScoped
public class Outbox {

    private static final String[] COLUMNS = {"event_id uuid", "topic varchar", "record_key varchar", "event_type varchar", "payload text"};
    private static final Object WAKE_REGISTERED = new Object();

    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final StatementPipeline pipeline;

    @Inject
    public Outbox(StatementPipeline pipeline, EventCodec codec, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.pipeline = pipeline;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Adds the event to the outbox in the current transaction; the record key is its customerId. */
    public void publish(String topic, EventEnvelope<?> event) {
        publishAll(topic, List.of(event));
    }

    /** Adds the events in order, with one statement, in the current transaction. */
    public void publishAll(String topic, List<? extends EventEnvelope<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.publish needs an active transaction: the event must commit with the state change");
        }
        TableRows rows = new TableRows("platform_outbox", COLUMNS);
        for (EventEnvelope<?> event : events) {
            rows.row(event.eventId(), topic, event.customerId(), event.type(), codec.encodeBytes(event));
        }
        pipeline.insert(rows);
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
