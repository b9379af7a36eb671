package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.openretention.testkit.PackagedServiceContract;
import org.openretention.testkit.PlatformTestResources;

/** The packaged segmentation service starts, becomes ready and serves its operations API. */
@QuarkusIntegrationTest
@WithTestResource(PlatformTestResources.class)
class SegmentationServiceIT extends PackagedServiceContract {
}
