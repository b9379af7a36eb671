package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.testkit.ApiContract;
import org.openretention.testkit.PlatformTestResources;

/** Every operation of the segmentation API is documented and guarded by role (see {@link ApiContract}). */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SegmentationApiContractTest extends ApiContract {
}
