package org.openretention.simulator;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes events to their input topic ({@link EventType#topic()}) like a shop backend would: key = customerId (so a
 * customer's events stay in order on one partition), value = the {@link EventCodec} JSON, header {@code event-type}.
 * The producer is idempotent with {@code acks=all}, batches with lz4 and blocks at most {@code max.block.ms} when the
 * broker is gone. The first failed send is rethrown by the next {@link #publish} or {@link #flush}.
 */
public final class TrafficPublisher implements EventSink {

    public static final String EVENT_TYPE_HEADER = "event-type";

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec;
    private final Map<EventType, Header> typeHeaders = new EnumMap<>(EventType.class);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback callback = this::onCompletion;

    public TrafficPublisher(String bootstrapServers, String clientId, Duration maxBlock, EventCodec codec) {
        this.codec = codec;
        for (EventType type : EventType.values()) {
            typeHeaders.put(type, new RecordHeader(EVENT_TYPE_HEADER, type.typeName().getBytes(StandardCharsets.UTF_8)));
        }
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, clientId, maxBlock),
                new StringSerializer(), new ByteArraySerializer());
    }

    static Properties producerConfig(String bootstrapServers, String clientId, Duration maxBlock) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // a small buffer is backpressure: send() waits for the broker instead of queueing half a million records whose
        // batches then expire (the local stack's history publish with every service catching up at once: the broker
        // acknowledged nothing for seconds, 477,635 records were pending and the run failed at 93.7 %)
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        // a broker that goes away fails the run within about two minutes instead of retrying forever
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return p;
    }

    @Override
    public void publish(EventEnvelope<?> event) {
        rethrowFailure();
        EventType type = event.eventType();
        byte[] value = codec.encodeBytes(event);
        RecordHeaders headers = new RecordHeaders(new Header[]{typeHeaders.get(type)});
        // no explicit record timestamp: the broker-side retention must not see two-year-old event times
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), null, null, event.customerId(), value, headers);
        try {
            producer.send(record, callback);
        } catch (KafkaException e) {
            throw new PublishException("could not publish to Kafka: " + describe(e), e);
        }
    }

    private void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failure.compareAndSet(null, exception);
        } else {
            acknowledged.incrementAndGet();
        }
    }

    @Override
    public void flush() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new PublishException("could not publish to Kafka: " + describe(e), e);
        }
        rethrowFailure();
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    private void rethrowFailure() {
        Exception e = failure.get();
        if (e != null) {
            throw new PublishException("Kafka rejected or timed out a record: " + describe(e), e);
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Publishing failed; the message says why. */
    public static final class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
