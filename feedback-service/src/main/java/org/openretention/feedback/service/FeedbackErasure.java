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
 * customer id (replaced by {@value #ERASED}), the order id and the comment with its sentiment. Other customer events are
 * not this use case's: it ignores them. Idempotent: erasing twice leaves the same rows.
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
        int answers = entityManager.createNativeQuery("""
                        UPDATE survey_response SET customer_id = :erased, order_id = NULL, comment = NULL,
                                                   comment_sentiment = NULL, comment_score = NULL
                        WHERE customer_id = :customer""")
                .setParameter("erased", ERASED)
                .setParameter("customer", event.customerId())
                .executeUpdate();
        if (answers > 0) {
            LOG.infof("Erased the personal data of %d survey answer(s)", answers);
        }
    }
}
