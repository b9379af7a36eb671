package org.openretention.campaign;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class CampaignFoundationTest extends ServiceFoundationContract {
}
