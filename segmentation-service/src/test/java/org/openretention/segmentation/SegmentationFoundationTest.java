package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.segmentation.service.FeedbackSignals;
import org.openretention.segmentation.service.ProfileIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SegmentationFoundationTest extends ServiceFoundationContract {

    @Override
    protected Map<String, List<String>> useCases() {
        return Map.of(ProfileIntake.CONSUMER, List.of(Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS, Topics.LOYALTY_EVENTS),
                FeedbackSignals.CONSUMER, List.of(Topics.FEEDBACK_EVENTS));
    }

    @Override
    protected Map<String, EventEnvelope<?>> eventsOnOtherTopics(String customer, Instant now) {
        return Map.of(Topics.FEEDBACK_EVENTS, EventEnvelope.of(customer, now, "feedback-service",
                new NpsRecorded(1, 8, NpsCategory.PASSIVE, null, null, now)));
    }
}
