package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.CsatRecorded;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What feedback-service says of a customer (topic {@code feedback-events}, use case {@value #CONSUMER}): the latest NPS
 * and CSAT answers (by answer time, so late events do not overwrite newer answers) and the unresolved complaints, kept in
 * {@code customer_feedback} and {@code customer_open_complaint}. The evaluation reads them for the {@code DETRACTOR} and
 * {@code PROMOTER} tags and the {@code FEEDBACK} churn rule. An erased customer's events are ignored (the keyed hash
 * of {@code erased_customer}), as the profile intake does.
 */
@ApplicationScoped
@EventConsumer(name = FeedbackSignals.CONSUMER, topics = Topics.FEEDBACK_EVENTS)
public class FeedbackSignals implements EventHandler {

    public static final String CONSUMER = "feedback";

    @Inject
    EntityManager entityManager;
    @Inject
    CustomerHashes hashes;

    @Override
    public void apply(EventEnvelope<?> event) {
        String customer = event.customerId();
        switch (event.payload()) {
            case NpsRecorded nps when !erased(customer) -> answer(customer, "nps_score", "nps_at", null, nps.score(), null, nps.answeredAt());
            case CsatRecorded csat when !erased(customer) ->
                    answer(customer, "csat_score", "csat_at", "csat_touchpoint", csat.score(), csat.touchpoint(), csat.answeredAt());
            case ComplaintFiled filed when !erased(customer) -> {
                int added = entityManager.createNativeQuery("""
                                INSERT INTO customer_open_complaint (customer_id, complaint_id, severity, filed_at)
                                VALUES (:customer, :complaint, :severity, :at) ON CONFLICT DO NOTHING""")
                        .setParameter("customer", customer).setParameter("complaint", filed.complaintId())
                        .setParameter("severity", filed.severity().name()).setParameter("at", utc(event.occurredAt()))
                        .executeUpdate();
                countComplaints(customer, added);
            }
            case ComplaintResolved resolved -> {
                int removed = entityManager.createNativeQuery(
                                "DELETE FROM customer_open_complaint WHERE customer_id = :customer AND complaint_id = :complaint")
                        .setParameter("customer", customer).setParameter("complaint", resolved.complaintId()).executeUpdate();
                countComplaints(customer, -removed);
            }
            default -> {
                // other feedback events (invitations, alerts, ...) say nothing segmentation keeps
            }
        }
    }

    private void answer(String customer, String scoreColumn, String atColumn, String touchpointColumn, int score, String touchpoint,
                        Instant at) {
        String touchpointInsert = touchpointColumn == null ? "" : ", " + touchpointColumn;
        String touchpointValue = touchpointColumn == null ? "" : ", :touchpoint";
        String touchpointSet = touchpointColumn == null ? "" : ", %1$s = EXCLUDED.%1$s".formatted(touchpointColumn);
        var query = entityManager.createNativeQuery("""
                        INSERT INTO customer_feedback AS f (customer_id, %1$s, %2$s%3$s) VALUES (:customer, :score, :at%4$s)
                        ON CONFLICT (customer_id) DO UPDATE SET %1$s = EXCLUDED.%1$s, %2$s = EXCLUDED.%2$s%5$s
                        WHERE f.%2$s IS NULL OR f.%2$s <= EXCLUDED.%2$s"""
                        .formatted(scoreColumn, atColumn, touchpointInsert, touchpointValue, touchpointSet))
                .setParameter("customer", customer).setParameter("score", score).setParameter("at", utc(at));
        if (touchpointColumn != null) {
            query.setParameter("touchpoint", touchpoint);
        }
        query.executeUpdate();
    }

    private void countComplaints(String customer, int change) {
        if (change == 0) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO customer_feedback AS f (customer_id, open_complaints) VALUES (:customer, GREATEST(:change, 0))
                        ON CONFLICT (customer_id) DO UPDATE SET open_complaints = GREATEST(f.open_complaints + :change, 0)""")
                .setParameter("customer", customer).setParameter("change", change).executeUpdate();
    }

    private boolean erased(String customer) {
        return !entityManager.createNativeQuery("SELECT 1 FROM erased_customer WHERE customer_hash = :hash")
                .setParameter("hash", hashes.hash(customer)).getResultList().isEmpty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
