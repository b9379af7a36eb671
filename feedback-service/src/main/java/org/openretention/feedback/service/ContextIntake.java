package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the other services say of a customer (use case {@value #CONSUMER}): the lifecycle stage from
 * {@code LifecycleStageChanged} and the loyalty tier from {@code TierChanged}, kept in {@code customer_context} with the
 * latest event time winning, so that events arriving out of order leave the newest value. The severity grading reads it
 * (a high-net-worth customer's complaint weighs more).
 */
@ApplicationScoped
@EventConsumer(name = ContextIntake.CONSUMER, topics = {Topics.SEGMENT_EVENTS, Topics.LOYALTY_EVENTS})
public class ContextIntake implements EventHandler {

    static final String CONSUMER = "context";

    @Inject
    EntityManager entityManager;

    @Override
    public void apply(EventEnvelope<?> event) {
        if (event.payload() instanceof LifecycleStageChanged changed) {
            upsert(event, "lifecycle_stage", "stage_at", changed.to().name());
        } else if (event.payload() instanceof TierChanged changed) {
            upsert(event, "tier", "tier_at", changed.toTier());
        }
    }

    private void upsert(EventEnvelope<?> event, String column, String atColumn, String value) {
        entityManager.createNativeQuery("""
                        INSERT INTO customer_context (customer_id, %1$s, %2$s) VALUES (:customer, :value, :at)
                        ON CONFLICT (customer_id) DO UPDATE SET %1$s = EXCLUDED.%1$s, %2$s = EXCLUDED.%2$s
                        WHERE customer_context.%2$s IS NULL OR customer_context.%2$s <= EXCLUDED.%2$s""".formatted(column, atColumn))
                .setParameter("customer", event.customerId())
                .setParameter("value", value)
                .setParameter("at", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .executeUpdate();
    }
}
