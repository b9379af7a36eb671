package org.openretention.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real Kafka client for tests: publishes like a shop backend and reads what services publish. */
public final class KafkaTestClient implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    private KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A client for the broker the application under test uses. */
    public static KafkaTestClient forApplication() {
        return new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Publishes an event the way a shop backend does: key = customerId, value = the event's JSON. */
    public void publish(String topic, EventEnvelope<?> event) {
        send(topic, event.customerId(), CODEC.encodeBytes(event));
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Creates the topic unless it exists (another test or the service may have created it meanwhile). */
    public void createTopicIfMissing(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic + ": " + e.getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + topic + ": " + e.getMessage(), e);
        }
    }

    public Map<String, Integer> partitionCounts(Set<String> topics) {
        try (Admin admin = admin()) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .forEach((name, description) -> counts.put(name, description.partitions().size()));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("could not describe " + topics + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code done} holds for the records read so far, or the timeout
     * passes; returns the records read.
     */
    public List<ConsumerRecord<String, byte[]>> readUntil(String topic, Duration timeout, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(records) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The topics that consumer groups whose id starts with {@code groupPrefix} are assigned or have offsets in. */
    public Set<String> topicsReadByGroups(String groupPrefix) {
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get(30, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .map(org.apache.kafka.clients.admin.ConsumerGroupListing::groupId)
                    .filter(g -> g.startsWith(groupPrefix)).toList();
            Set<String> topics = new java.util.TreeSet<>();
            if (groups.isEmpty()) {
                return topics;
            }
            admin.describeConsumerGroups(groups).all().get(30, java.util.concurrent.TimeUnit.SECONDS).values()
                    .forEach(g -> g.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()))));
            for (String group : groups) {
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS)
                        .keySet().forEach(tp -> topics.add(tp.topic()));
            }
            return topics;
        } catch (Exception e) {
            throw new IllegalStateException("could not list the topics of groups " + groupPrefix + "*: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void close() {
        producer.close();
    }
}
