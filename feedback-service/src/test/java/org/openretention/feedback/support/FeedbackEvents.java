package org.openretention.feedback.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.InvalidEventException;
import org.openretention.events.Topics;
import org.openretention.testkit.KafkaTestClient;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads what the service published on {@code feedback-events} (through its outbox), decoded and validated. */
public final class FeedbackEvents {

    private static final EventCodec CODEC = new EventCodec();

    private FeedbackEvents() {
    }

    /** The events about {@code customerId}, read until {@code done} holds for them or 60 s pass. */
    public static List<EventEnvelope<?>> of(KafkaTestClient kafka, String customerId, Predicate<List<EventEnvelope<?>>> done) {
        List<EventEnvelope<?>>[] found = new List[1];
        kafka.readUntil(Topics.FEEDBACK_EVENTS, Duration.ofSeconds(60), records -> {
            found[0] = decode(records, customerId);
            return done.test(found[0]);
        });
        return found[0];
    }

    /** The payloads of type {@code type} among {@code events}. */
    public static <P extends EventPayload> List<P> payloads(List<EventEnvelope<?>> events, Class<P> type) {
        return events.stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }

    /** Whether {@code events} hold at least {@code n} payloads of {@code type}. */
    public static Predicate<List<EventEnvelope<?>>> atLeast(int n, Class<? extends EventPayload> type) {
        return events -> payloads(events, type).size() >= n;
    }

    private static List<EventEnvelope<?>> decode(List<ConsumerRecord<String, byte[]>> records, String customerId) {
        return records.stream().filter(r -> customerId.equals(r.key())).<EventEnvelope<?>>map(FeedbackEvents::decode).toList();
    }

    private static EventEnvelope<?> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return CODEC.decode(record.value());
        } catch (InvalidEventException e) {
            throw new AssertionError("the service published an invalid event: " + e.getMessage(), e);
        }
    }
}
