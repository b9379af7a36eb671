package org.openretention.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every event travels in. {@code customerId} is also the Kafka record key, so the events of
 * one customer stay in order on one partition.
 *
 * @param eventId       unique id of this event; consumers are idempotent by it
 * @param type          PascalCase event type name, e.g. {@code OrderCompleted}
 * @param schemaVersion version of the schema of {@code type} the payload follows
 * @param occurredAt    event time (when it happened in the shop), UTC
 * @param customerId    the customer the event is about; the record key
 * @param source        the system that published it, e.g. {@code shop-backend}
 * @param payload       the typed body
 */
public record EventEnvelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String customerId,
        String source,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope with a random id, the current schema version of the payload's type, and the given event time. */
    public static <P extends EventPayload> EventEnvelope<P> of(String customerId, Instant occurredAt, String source, P payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID(), type.typeName(), type.schemaVersion(), occurredAt, customerId, source, payload);
    }

    /** Same as {@link #of(String, Instant, String, EventPayload)} with the event time read from {@code clock}. */
    public static <P extends EventPayload> EventEnvelope<P> now(Clock clock, String customerId, String source, P payload) {
        return of(customerId, clock.instant(), source, payload);
    }

    public EventType eventType() {
        return EventType.byName(type).orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }
}
