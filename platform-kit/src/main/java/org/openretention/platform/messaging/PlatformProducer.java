package org.openretention.platform.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openretention.platform.config.PlatformConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The one Kafka producer of a service instance, used by the outbox relay and the dead-letter sender: idempotent,
 * acknowledged by all in-sync replicas, keys are customer ids. A plain client rather than a SmallRye emitter
 * because both callers must know, record by record, whether the broker took the record before they commit.
 */
@ApplicationScoped
public class PlatformProducer {

    private final PlatformConfig config;
    private volatile Producer<String, byte[]> producer;

    @Inject
    public PlatformProducer(PlatformConfig config) {
        this.config = config;
    }

    public Producer<String, byte[]> get() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings(), new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Map<String, Object> settings() {
        long timeoutMs = config.kafka().sendTimeout().toMillis();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-platform-producer");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (timeoutMs + 1000));
        return settings;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
