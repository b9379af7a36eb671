package org.openretention.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.openretention.events.Topics;
import org.openretention.platform.config.PlatformConfig;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlq}: same key, same value bytes, original headers,
 * plus headers saying why and where it came from. The send is awaited, so the input offset is committed only
 * once the record is safe in the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String SERVICE = "dead-letter-service";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON_LENGTH = 4000;

    private final PlatformProducer producer;
    private final PlatformConfig config;
    private final MeterRegistry registry;

    @Inject
    public DeadLetters(PlatformProducer producer, PlatformConfig config, MeterRegistry registry) {
        this.producer = producer;
        this.config = config;
        this.registry = registry;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        String dlq = Topics.deadLetterTopicOf(record.topic());
        String shortReason = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(REASON, utf8(shortReason));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        headers.add(SERVICE, utf8(config.serviceName()));
        try {
            producer.get().send(new ProducerRecord<>(dlq, null, record.key(), record.value(), headers))
                    .get(config.kafka().sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + coordinates(record), e);
        } catch (ExecutionException | TimeoutException e) {
            // not committing the input offset is the only way to lose nothing: the record comes back after a restart
            throw new IllegalStateException("could not dead-letter " + coordinates(record) + " to " + dlq + ": " + e.getMessage(), e);
        }
        registry.counter("platform.events.dead.lettered", "topic", record.topic()).increment();
        LOG.warnf("Dead-lettered %s to %s: %s", coordinates(record), dlq, shortReason);
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
