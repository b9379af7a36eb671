package org.openretention.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.platform.jdbc.StatementPipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The transactional outbox: an event a service publishes because its state changed is written to the
 * {@code platform_outbox} table on the connection of the transaction that made the change, and {@link OutboxRelay}
 * sends it to Kafka after commit and deletes the row. A crash between commit and send loses nothing; a rolled-back
 * change publishes nothing.
 *
 * <p>Each call writes one row, holding all its events in order, one line each (V0_4), queued in the
 * {@link StatementPipeline} on the connection Agroal has enlisted in the caller's JTA transaction; rows are relayed
 * in {@code seq} order. The record key
 * is the event's customer id, so Kafka keeps each customer's events in order.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO platform_outbox (event_id, topic, record_key, event_type, payload, events) VALUES (?, ?, ?, ?, ?, ?)""";
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
        // one row for all of them (see V0_4): one line per event
        ByteArrayOutputStream lines = new ByteArrayOutputStream(events.size() * 512);
        for (EventEnvelope<?> event : events) {
            if (lines.size() > 0) {
                lines.write('\n');
            }
            lines.writeBytes(event.eventId().toString().getBytes(StandardCharsets.US_ASCII));
            lines.write('\t');
            lines.writeBytes(escape(event.customerId()).getBytes(StandardCharsets.UTF_8));
            lines.write('\t');
            lines.writeBytes(escape(event.type()).getBytes(StandardCharsets.UTF_8));
            lines.write('\t');
            byte[] json = codec.encodeBytes(event);
            for (byte b : json) {
                if (b == '\n') { // compact JSON escapes newlines in strings and has no other whitespace: the framing relies on it
                    throw new IllegalStateException("event " + event.eventId() + " encodes with a raw newline");
                }
            }
            lines.writeBytes(json);
        }
        EventEnvelope<?> first = events.get(0);
        String payload = lines.toString(StandardCharsets.UTF_8);
        int count = events.size();
        pipeline.queue(INSERT, p -> p.object(first.eventId()).string(topic).string(first.customerId()).string(first.type())
                .string(payload).integer(count), StatementPipeline.Check.changes(1, "outbox row"));
        wakeRelayAfterCommit();
    }

    /** A record key or event type in a payload line: backslash, tab and newline escaped. */
    static String escape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** The inverse of {@link #escape}. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
