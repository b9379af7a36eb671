package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;
import org.openretention.platform.messaging.RejectedEventException;

/**
 * Survey answers from the shop's survey tool (topic {@code survey-responses}, use case {@value #CONSUMER}): recorded as
 * the API records them ({@link Surveys}), answered at the event's time. The schema already holds the score to its
 * survey's range; what it cannot say is rejected to the dead-letter topic with the reason.
 */
@ApplicationScoped
@EventConsumer(name = SurveyIntake.CONSUMER, topics = Topics.SURVEY_RESPONSES)
public class SurveyIntake implements EventHandler {

    static final String CONSUMER = "surveys";

    @Inject
    Surveys surveys;

    @Override
    public void apply(EventEnvelope<?> event) {
        if (!(event.payload() instanceof SurveyResponseSubmitted r)) {
            return;
        }
        String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment();
        if (r.survey() == SurveyKind.NPS) {
            if (r.score() < 0 || r.score() > 10) {
                throw new RejectedEventException("an NPS score is 0 to 10, was " + r.score());
            }
            surveys.recordNps(event.customerId(), r.score(), comment, r.orderId(), event.occurredAt(), event.eventId());
        } else {
            if (r.score() < 1 || r.score() > 5 || r.touchpoint() == null || r.touchpoint().isBlank()) {
                throw new RejectedEventException("a CSAT answer needs a score of 1 to 5 and a touchpoint");
            }
            surveys.recordCsat(event.customerId(), r.score(), r.touchpoint().strip(), comment, r.orderId(), event.occurredAt(), event.eventId());
        }
    }
}
