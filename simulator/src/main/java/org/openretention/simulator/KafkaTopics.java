package org.openretention.simulator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.openretention.events.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Startup check of the broker and creation of the three input topics if they are missing. */
public final class KafkaTopics {

    public static final List<String> INPUT_TOPICS = List.of(Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS);

    private KafkaTopics() {
    }

    /**
     * Connects, within {@code timeout}, and creates the missing input topics. Returns the topics created.
     *
     * @throws BrokerUnavailableException if the cluster does not answer in time
     */
    public static List<String> ensureInputTopics(String bootstrapServers, int partitions, short replicationFactor,
                                                 Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "simulator-admin");
        int ms = (int) Math.max(1000, timeout.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("cannot connect to Kafka at " + bootstrapServers + ": "
                    + TrafficPublisher.describe(rootCause(e)), e);
        }
        try (admin) {
            String clusterId;
            try {
                clusterId = admin.describeCluster().clusterId().get(ms, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new BrokerUnavailableException("Kafka at " + bootstrapServers + " did not answer within "
                        + ms / 1000 + " s (" + TrafficPublisher.describe(rootCause(e)) + "); is the broker running?", e);
            }
            if (clusterId == null) {
                throw new BrokerUnavailableException("Kafka at " + bootstrapServers + " returned no cluster id", null);
            }
            Set<String> existing = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : INPUT_TOPICS) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, replicationFactor));
                }
            }
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                CreateTopicsResult result = admin.createTopics(missing);
                for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> f : result.values().entrySet()) {
                    try {
                        f.getValue().get(ms, TimeUnit.MILLISECONDS);
                        created.add(f.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new BrokerUnavailableException("could not create topic " + f.getKey() + ": "
                                    + TrafficPublisher.describe(rootCause(e)), e);
                        }
                    }
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while connecting to Kafka", e);
        } catch (TimeoutException | ExecutionException e) {
            throw new BrokerUnavailableException("Kafka at " + bootstrapServers + " did not list its topics within "
                    + ms / 1000 + " s: " + TrafficPublisher.describe(rootCause(e)), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The broker cannot be reached or refuses to set up the topics. */
    public static final class BrokerUnavailableException extends RuntimeException {
        public BrokerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
