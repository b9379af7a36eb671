package org.openretention.platform.messaging;

import org.openretention.events.EventEnvelope;

import java.util.List;

/**
 * Applies new events to a service's state. Called inside the intake's transaction, with only events this
 * consumer has not applied before, in partition order. Hot paths override {@link #applyAll(List)} to write a
 * whole batch with JDBC batching.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope<?> event);

    default void applyAll(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            apply(event);
        }
    }
}
