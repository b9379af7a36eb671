package org.openretention.simulator;

import org.openretention.events.EventEnvelope;

/** Where generated events go: Kafka ({@link TrafficPublisher}) or a JSON-lines file ({@link JsonLinesSink}). */
public interface EventSink extends AutoCloseable {

    /** Hands one event over; may block when the destination is slower than the generator. */
    void publish(EventEnvelope<?> event);

    /** Blocks until everything handed over has been written/acknowledged; throws if anything failed. */
    void flush();

    /** Events acknowledged by the destination so far. */
    long acknowledged();

    @Override
    void close();
}
