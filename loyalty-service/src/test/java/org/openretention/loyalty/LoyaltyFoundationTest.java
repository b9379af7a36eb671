package org.openretention.loyalty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.events.Topics;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

import java.util.List;
import java.util.Map;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class LoyaltyFoundationTest extends ServiceFoundationContract {

    @Override
    protected Map<String, List<String>> useCases() {
        return Map.of(LoyaltyIntake.CONSUMER, List.of(Topics.CUSTOMERS, Topics.INTERACTIONS, Topics.ORDERS));
    }
}
