package org.openretention.campaign;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.testkit.ApiContract;
import org.openretention.testkit.PlatformTestResources;

/** Every operation of the campaign API is documented and guarded by role (see {@link ApiContract}). */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class CampaignApiContractTest extends ApiContract {
}
