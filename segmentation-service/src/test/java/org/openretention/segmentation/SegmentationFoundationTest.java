package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.events.Topics;
import org.openretention.segmentation.service.ProfileIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

import java.util.List;
import java.util.Map;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SegmentationFoundationTest extends ServiceFoundationContract {

    @Override
    protected Map<String, List<String>> useCases() {
        return Map.of(ProfileIntake.CONSUMER, List.of(Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS, Topics.LOYALTY_EVENTS));
    }
}
