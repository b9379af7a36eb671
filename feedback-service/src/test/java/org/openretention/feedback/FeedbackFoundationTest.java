package org.openretention.feedback;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class FeedbackFoundationTest extends ServiceFoundationContract {

    /** Erasure, the texts of reviews and comments, survey answers, invitations, and what the other services say. */
    @Override
    protected Map<String, List<String>> useCases() {
        return Map.of("erasure", List.of("customers"),
                "texts", List.of("interactions"),
                "surveys", List.of("survey-responses"),
                "invitations", List.of("orders", "interactions"),
                "context", List.of("segment-events", "loyalty-events"));
    }

    @Override
    protected Map<String, EventEnvelope<?>> eventsOnOtherTopics(String customer, Instant now) {
        return Map.of(
                Topics.SURVEY_RESPONSES, EventEnvelope.of(customer, now, "survey-tool",
                        new SurveyResponseSubmitted(SurveyKind.NPS, 8, null, null, null, null)),
                Topics.SEGMENT_EVENTS, EventEnvelope.of(customer, now, "segmentation-service",
                        new LifecycleStageChanged(null, LifecycleStage.NEW, now, "first order")));
    }
}
