package org.openretention.feedback;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.ServiceFoundationContract;

import java.util.List;
import java.util.Map;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class FeedbackFoundationTest extends ServiceFoundationContract {

    /** So far one use case: the erasure of a customer's personal data (the rest of issue 15 adds the others). */
    @Override
    protected Map<String, List<String>> useCases() {
        return Map.of("erasure", List.of("customers"));
    }
}
