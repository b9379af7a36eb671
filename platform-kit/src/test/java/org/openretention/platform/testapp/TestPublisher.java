package org.openretention.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.events.EventEnvelope;
import org.openretention.platform.messaging.Outbox;

import java.util.List;
import java.util.Map;

/** Use cases that publish through the outbox, and one that fails after doing so. */
@ApplicationScoped
public class TestPublisher {

    @Inject
    Outbox outbox;

    @Transactional
    public void publish(String topic, EventEnvelope<?> event) {
        outbox.publish(topic, event);
    }

    @Transactional
    public void publishAll(String topic, List<? extends EventEnvelope<?>> events) {
        outbox.publishAll(topic, events);
    }

    /** Several publishes to different topics in one transaction, in this order. */
    @Transactional
    public void publishEach(List<? extends Map.Entry<String, ? extends EventEnvelope<?>>> events) {
        events.forEach(e -> outbox.publish(e.getKey(), e.getValue()));
    }

    @Transactional
    public void publishThenFail(String topic, EventEnvelope<?> event) {
        outbox.publish(topic, event);
        throw new IllegalStateException("the state change failed after the event was written");
    }
}
