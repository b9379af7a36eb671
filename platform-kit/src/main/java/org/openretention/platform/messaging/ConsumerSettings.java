package org.openretention.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka consumer properties of one input topic. Read from plain configuration so that any Kafka consumer
 * property can be set without the kit knowing it:
 * <pre>
 * kafka-consumer.defaults.&lt;kafka property&gt;=...   every topic of the service
 * kafka-consumer.&lt;topic&gt;.&lt;kafka property&gt;=...    one topic (wins)
 * kafka-consumer.&lt;topic&gt;.concurrency=3              consumers (threads) per use case for that topic
 * </pre>
 * Like every property, each can be set from the environment once it appears in a properties file
 * ({@code KAFKA_CONSUMER_ORDERS_FETCH_MAX_WAIT_MS}).
 */
record ConsumerSettings(String topic, int concurrency, Map<String, Object> kafka) {

    static final String PREFIX = "kafka-consumer.";
    static final String DEFAULTS = PREFIX + "defaults.";
    static final String CONCURRENCY = "concurrency";

    /** Defaults of the kit; a service's configuration overrides each. */
    static Map<String, Object> kitDefaults() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        // a member that died (kill -9) keeps its partitions this long unless it comes back under its static id
        kafka.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "15000");
        kafka.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        return kafka;
    }

    static ConsumerSettings of(Config config, String topic) {
        Map<String, Object> kafka = kitDefaults();
        String topicPrefix = PREFIX + topic + ".";
        int concurrency = 1;
        // the service's defaults over the kit's, then the topic's own over both
        for (String prefix : new String[]{DEFAULTS, topicPrefix}) {
            for (String name : config.getPropertyNames()) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String key = name.substring(prefix.length());
                Optional<String> value = value(config, name);
                if (value.isEmpty()) {
                    continue;
                }
                if (key.equals(CONCURRENCY)) {
                    concurrency = Integer.parseInt(value.get().trim());
                    if (concurrency < 1) {
                        throw new IllegalArgumentException(name + " must be at least 1, not " + concurrency);
                    }
                } else {
                    kafka.put(key, value.get().trim());
                }
            }
        }
        return new ConsumerSettings(topic, concurrency, kafka);
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }

    int maxPollRecords() {
        return Integer.parseInt(String.valueOf(kafka.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).trim());
    }

    Duration fetchMaxWait() {
        Object wait = kafka.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        return Duration.ofMillis(wait == null ? ConsumerConfig.DEFAULT_FETCH_MAX_WAIT_MS : Long.parseLong(String.valueOf(wait).trim()));
    }
}
