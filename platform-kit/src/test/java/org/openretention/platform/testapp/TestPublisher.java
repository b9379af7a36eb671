package org.openretention.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.events.EventEnvelope;
import org.openretention.platform.messaging.Outbox;

/** A use case that publishes through the outbox, and one that fails after doing so. */
@ApplicationScoped
public class TestPublisher {

    @Inject
    Outbox outbox;

    @Transactional
    public void publish(String topic, EventEnvelope<?> event) {
        outbox.publish(topic, event);
    }

    @Transactional
    public void publishThenFail(String topic, EventEnvelope<?> event) {
        outbox.publish(topic, event);
        throw new IllegalStateException("the state change failed after the event was written");
    }
}
