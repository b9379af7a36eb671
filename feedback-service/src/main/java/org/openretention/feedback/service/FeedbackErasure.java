package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;

/**
 * {@code CustomerErased}: the customer's texts and personal data go; what the aggregates count stays. A survey answer
 * keeps its kind, score, category, touchpoint and time (NPS and CSAT over any past period do not change), and loses the
 * customer id (replaced by {@value #ERASED}), the order id and the comment with its sentiment. Complaints keep their
 * severity, times, status, root cause and compensation (the SLA and resolution reports do not change) and lose the
 * customer id, order, product, channel and text, and the texts quoted in their audit trail; reviews and comments keep
 * their kind, sentiment, aspects and time (the spike alerts' counts) and lose the id, order and text; alerts lose the
 * id; what the other services said of the customer goes. Other customer events are not this use case's: it ignores
 * them. Idempotent: erasing twice leaves the same rows.
 */
@ApplicationScoped
@EventConsumer(name = FeedbackErasure.CONSUMER, topics = Topics.CUSTOMERS)
public class FeedbackErasure implements EventHandler {

    static final String CONSUMER = "erasure";
    static final String ERASED = "erased";
    private static final Logger LOG = Logger.getLogger(FeedbackErasure.class);

    @Inject
    EntityManager entityManager;

    @Override
    public void apply(EventEnvelope<?> event) {
        if (!(event.payload() instanceof CustomerErased)) {
            return;
        }
        int answers = erase("""
                UPDATE survey_response SET customer_id = :erased, order_id = NULL, comment = NULL,
                                           comment_sentiment = NULL, comment_score = NULL
                WHERE customer_id = :customer""", event.customerId());
        // the audit notes of automatic links quote the texts
        erase("""
                UPDATE complaint_audit SET note = NULL
                WHERE action = 'LINKED' AND complaint_id IN (SELECT id FROM complaint WHERE customer_id = :customer)""", event.customerId());
        int complaints = erase("""
                UPDATE complaint SET customer_id = :erased, order_id = NULL, sku = NULL, text = NULL, channel = NULL
                WHERE customer_id = :customer""", event.customerId());
        int texts = erase("""
                UPDATE customer_text SET customer_id = :erased, order_id = NULL, text = NULL
                WHERE customer_id = :customer""", event.customerId());
        erase("UPDATE feedback_alert SET customer_id = :erased WHERE customer_id = :customer", event.customerId());
        entityManager.createNativeQuery("DELETE FROM customer_context WHERE customer_id = :customer")
                .setParameter("customer", event.customerId()).executeUpdate();
        if (answers + complaints + texts > 0) {
            LOG.infof("Erased the personal data of %d survey answer(s), %d complaint(s) and %d text(s)", answers, complaints, texts);
        }
    }

    private int erase(String sql, String customerId) {
        var query = entityManager.createNativeQuery(sql).setParameter("customer", customerId);
        if (sql.contains(":erased")) {
            query.setParameter("erased", ERASED);
        }
        return query.executeUpdate();
    }
}
