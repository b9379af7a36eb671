package org.openretention.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.openretention.platform.config.PlatformConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The service template's intake: finds the service's use cases ({@link EventHandler} beans annotated
 * {@link EventConsumer}) and, at start, runs the Kafka consumers of each ({@link ConsumerLoop}): per use case and
 * topic, {@code kafka-consumer.<topic>.concurrency} consumers in the group {@code <service>.<use case>}. A service
 * writes no consumer class of its own, and consumes no topic that none of its use cases names.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    /** A declared use case: its name and topics (from its {@link EventConsumer} annotation). */
    public record UseCase(String name, Set<String> topics) {
    }

    /** What one use case is doing on one topic in this instance. */
    public record TopicStatus(String topic, int consumers, int partitions, Long lag, List<String> states, String lastError) {
    }

    private final Instance<EventHandler> handlers;
    private final EventIntake intake;
    private final PlatformConfig config;
    private final Config rawConfig;
    private final MeterRegistry registry;
    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Inject
    public EventConsumers(@Any Instance<EventHandler> handlers, EventIntake intake, PlatformConfig config, Config rawConfig,
                          MeterRegistry registry) {
        this.handlers = handlers;
        this.intake = intake;
        this.config = config;
        this.rawConfig = rawConfig;
        this.registry = registry;
    }

    /** The use cases of this service, by name; fails on two with one name. */
    public List<UseCase> useCases() {
        Map<String, UseCase> byName = new LinkedHashMap<>();
        for (Instance.Handle<EventHandler> handle : handlers.handles()) {
            EventConsumer declared = handle.getBean().getBeanClass().getAnnotation(EventConsumer.class);
            if (declared == null) {
                continue;
            }
            UseCase useCase = new UseCase(declared.name(), new LinkedHashSet<>(Arrays.asList(declared.topics())));
            if (useCase.topics().isEmpty() || declared.name().isBlank()) {
                throw new IllegalStateException(handle.getBean().getBeanClass().getName() + ": @EventConsumer needs a name and topics");
            }
            if (byName.putIfAbsent(useCase.name(), useCase) != null) {
                throw new IllegalStateException("two use cases are named '" + useCase.name() + "'; consumer names must be unique in a service");
            }
        }
        return List.copyOf(byName.values());
    }

    /** Every topic some use case consumes. */
    public Set<String> consumedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        useCases().forEach(u -> topics.addAll(u.topics()));
        return topics;
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        if (!config.intake().enabled()) {
            LOG.info("Event intake disabled (openretention.intake.enabled=false): no topic is consumed");
            return;
        }
        String instance = config.instanceId().orElseGet(this::defaultInstanceId);
        for (Instance.Handle<EventHandler> handle : handlers.handles()) {
            EventConsumer declared = handle.getBean().getBeanClass().getAnnotation(EventConsumer.class);
            if (declared == null) {
                continue;
            }
            EventHandler handler = handle.get();
            for (String topic : new LinkedHashSet<>(Arrays.asList(declared.topics()))) {
                ConsumerSettings settings = ConsumerSettings.of(rawConfig, topic);
                for (int n = 0; n < settings.concurrency(); n++) {
                    String name = declared.name() + "-" + topic + "-" + n;
                    Map<String, Object> kafka = new LinkedHashMap<>(settings.kafka());
                    kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
                    kafka.put(ConsumerConfig.GROUP_ID_CONFIG, config.serviceName() + "." + declared.name());
                    kafka.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, kafkaName(instance + "." + name));
                    kafka.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-" + name);
                    ConsumerLoop loop = new ConsumerLoop(name, declared.name(), handler, settings, kafka, intake, registry,
                            config.intake().commitInterval(), config.intake().idleAfter(), config.intake().idleFetchInterval());
                    Thread thread = new Thread(loop, "intake-" + name);
                    thread.setDaemon(true);
                    loops.add(loop);
                    threads.add(thread);
                }
            }
        }
        threads.forEach(Thread::start);
        if (!loops.isEmpty()) {
            LOG.infof("Consuming %s as instance %s", loops.stream().map(l -> l.useCase() + ":" + l.topic()).distinct().toList(), instance);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Each use case's topics with the consumers of this instance: partitions held, records behind the end of those
     * partitions ({@code null} until known), what the consumers are doing.
     */
    public Map<String, List<TopicStatus>> status() {
        Map<String, Map<String, List<ConsumerLoop.Status>>> grouped = new LinkedHashMap<>();
        for (ConsumerLoop loop : loops) {
            ConsumerLoop.Status s = loop.status();
            grouped.computeIfAbsent(s.useCase(), k -> new LinkedHashMap<>()).computeIfAbsent(s.topic(), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<TopicStatus>> result = new LinkedHashMap<>();
        grouped.forEach((useCase, byTopic) -> {
            List<TopicStatus> topics = new ArrayList<>();
            byTopic.forEach((topic, statuses) -> {
                int partitions = 0;
                Long lag = 0L;
                String lastError = null;
                for (ConsumerLoop.Status s : statuses) {
                    partitions += s.partitions();
                    lag = (lag == null || s.lag() == null) ? null : lag + s.lag();
                    lastError = lastError != null ? lastError : s.lastError();
                }
                topics.add(new TopicStatus(topic, statuses.size(), partitions, lag,
                        statuses.stream().map(s -> s.state().name()).toList(), lastError));
            });
            topics.sort(Comparator.comparing(TopicStatus::topic));
            result.put(useCase, topics);
        });
        return result;
    }

    /** Consumers that stopped for good (their thread ended while the service runs). */
    public List<String> failed() {
        List<String> failed = new ArrayList<>();
        for (ConsumerLoop loop : loops) {
            ConsumerLoop.Status s = loop.status();
            if (s.state() == ConsumerLoop.State.FAILED) {
                failed.add(s.name() + ": " + s.lastError());
            }
        }
        return failed;
    }

    private String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + rawConfig.getOptionalValue("quarkus.http.port", String.class).orElse("8080");
    }

    /** Kafka takes only ASCII letters, digits, '.', '_' and '-' in a group instance id. */
    static String kafkaName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
