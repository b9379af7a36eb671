package org.openretention.feedback.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.SurveyInvitation;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.feedback.config.FeedbackConfig;
import org.openretention.feedback.survey.InvitationPolicy;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;
import org.openretention.platform.messaging.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Whom to ask (use case {@value #CONSUMER}, {@link InvitationPolicy}): NPS after a completed order, at most once per
 * customer in the quiet period; CSAT after a service contact, for its touchpoint (DELIVERY, AFTER_SALES, SUPPORT: the
 * contracts have no delivery event of their own, so a delivery is rated after a DELIVERY contact); both sampled, never
 * to a customer with an unresolved complaint. Each invitation is stored and published as {@code SurveyInvitation}; its id
 * is derived from the prompting event, so a replay changes nothing.
 */
@ApplicationScoped
@EventConsumer(name = Invitations.CONSUMER, topics = {Topics.ORDERS, Topics.INTERACTIONS})
public class Invitations implements EventHandler {

    static final String CONSUMER = "invitations";

    @Inject
    EntityManager entityManager;
    @Inject
    Complaints complaints;
    @Inject
    Outbox outbox;
    @Inject
    FeedbackConfig config;

    private InvitationPolicy policy;

    @PostConstruct
    void init() {
        FeedbackConfig.Invitations c = config.invitations();
        policy = new InvitationPolicy(c.npsQuietPeriod(), c.npsSampleRate(), c.csatSampleRate());
    }

    @Override
    public void apply(EventEnvelope<?> event) {
        if (event.payload() instanceof OrderCompleted order) {
            String customer = event.customerId();
            policy.afterOrder(customer, event.eventId().toString(), event.occurredAt(), lastNps(customer), complaints.hasUnresolved(customer))
                    .ifPresent(i -> invite(event, SurveyKind.NPS, null, order.orderId()));
        } else if (event.payload() instanceof InteractionRecorded i && i.kind() == InteractionKind.SERVICE_CONTACT && i.touchpoint() != null) {
            String customer = event.customerId();
            policy.afterTouchpoint(customer, event.eventId().toString(), i.touchpoint().name(), complaints.hasUnresolved(customer))
                    .ifPresent(inv -> invite(event, SurveyKind.CSAT, inv.touchpoint(), i.orderId()));
        }
    }

    private Instant lastNps(String customerId) {
        @SuppressWarnings("unchecked")
        List<Object> last = entityManager.createNativeQuery("""
                        SELECT invited_at FROM survey_invitation WHERE customer_id = :customer AND survey = 'NPS'
                        ORDER BY invited_at DESC LIMIT 1""")
                .setParameter("customer", customerId).getResultList();
        return last.isEmpty() ? null : instant(last.get(0));
    }

    private void invite(EventEnvelope<?> trigger, SurveyKind survey, String touchpoint, String orderId) {
        UUID id = UUID.nameUUIDFromBytes((trigger.eventId() + "/" + survey).getBytes(StandardCharsets.UTF_8));
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO survey_invitation (id, customer_id, survey, touchpoint, order_id, trigger_event_id, invited_at)
                        VALUES (:id, :customer, :survey, :touchpoint, :order, :trigger, :at) ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("customer", trigger.customerId())
                .setParameter("survey", survey.name())
                .setParameter("touchpoint", touchpoint)
                .setParameter("order", orderId)
                .setParameter("trigger", trigger.eventId())
                .setParameter("at", OffsetDateTime.ofInstant(trigger.occurredAt(), ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 1) {
            outbox.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(trigger.customerId(), trigger.occurredAt(), config.eventSource(),
                    new SurveyInvitation(id, survey, touchpoint, orderId, trigger.eventId())));
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
