package org.openretention.campaign;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.openretention.testkit.PackagedServiceContract;
import org.openretention.testkit.PlatformTestResources;

/** The packaged campaign service starts, becomes ready and serves its operations API (it has no event handlers yet). */
@QuarkusIntegrationTest
@WithTestResource(PlatformTestResources.class)
class CampaignServiceIT extends PackagedServiceContract {
}
