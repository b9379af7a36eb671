package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;

/**
 * Survey answers from the shop's survey tool (topic {@code survey-responses}, use case {@value #CONSUMER}): recorded as
 * the API records them ({@link Surveys}), answered at the event's time. The schema holds the score to its survey's range
 * and requires a CSAT answer's touchpoint: the intake dead-letters what breaks it, with the reason, before this runs.
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
            surveys.recordNps(event.customerId(), r.score(), comment, r.orderId(), event.occurredAt(), event.eventId());
        } else {
            surveys.recordCsat(event.customerId(), r.score(), r.touchpoint().strip(), comment, r.orderId(), event.occurredAt(), event.eventId());
        }
    }
}
