package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

import java.util.List;
import java.util.Map;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SegmentationFoundationTest extends ServiceFoundationContract {

    /** Nothing yet: the service consumes no topic until its issue adds use cases. */
    @Override
    protected Map<String, List<String>> useCases() {
        return Map.of();
    }
}
