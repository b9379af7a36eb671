package org.openretention.platform.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.openretention.events.Topics;
import org.openretention.platform.config.PlatformConfig;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service consumes (with their dead-letter twins) and publishes to, with the configured
 * partition count, before the consumers start. Brokers in this platform do not auto-create topics, so the
 * partition count, which bounds how many instances of a consumer group share the work, is always deliberate.
 * Existing topics are left as they are.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final PlatformConfig config;
    private final EventConsumers consumers;

    @Inject
    public TopicProvisioner(PlatformConfig config, EventConsumers consumers) {
        this.config = config;
        this.consumers = consumers;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.kafka().provisionTopics()) {
            return;
        }
        Set<String> topics = requiredTopics();
        if (topics.isEmpty()) {
            return;
        }
        try {
            ensureTopics(topics);
        } catch (RuntimeException e) {
            // the broker may come later; consumers wait for their topics and readiness reports Kafka as down
            LOG.warnf("Could not create topics %s yet (%s); retrying in the background", topics, e.getMessage());
            Thread retry = new Thread(() -> retryUntilCreated(topics), "topic-provisioner");
            retry.setDaemon(true);
            retry.start();
        }
    }

    Set<String> requiredTopics() {
        Set<String> topics = new LinkedHashSet<>();
        Set<String> consumed = new LinkedHashSet<>(consumers.consumedTopics());
        consumed.addAll(config.kafka().consumes().orElse(List.of()));
        for (String topic : consumed) {
            topics.add(topic);
            topics.add(Topics.deadLetterTopicOf(topic));
        }
        topics.addAll(config.kafka().publishes().orElse(List.of()));
        return topics;
    }

    /** Creates those of {@code topics} that do not exist yet. */
    public void ensureTopics(Set<String> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.kafka().sendTimeout().toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.kafka().sendTimeout().toMillis()))) {
            Set<String> existing = admin.listTopics().names().get(config.kafka().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, config.kafka().partitions(), config.kafka().replicationFactor()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(config.kafka().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    LOG.infof("Created topic %s with %d partitions", result.getKey(), config.kafka().partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void retryUntilCreated(Set<String> topics) {
        while (true) {
            try {
                Thread.sleep(5000);
                ensureTopics(topics);
                LOG.infof("Topics %s are in place", topics);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.debugf("Topics still not created: %s", e.getMessage());
            }
        }
    }
}
