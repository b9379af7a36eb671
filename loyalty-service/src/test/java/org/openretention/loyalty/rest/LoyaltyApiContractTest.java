package org.openretention.loyalty.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.ApiContract;
import org.openretention.testkit.PlatformTestResources;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the loyalty API is documented with its summary, roles and problem responses, and refuses
 * callers without a token or the right role (see {@link ApiContract}); marketers' tools are built against the document.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class LoyaltyApiContractTest extends ApiContract {

    @Test
    void theRedemptionDocumentsItsRequiredIdempotencyKey() {
        List<Map<String, Object>> parameters = operation("post", "/customers/{customerId}/redemptions").parameters();
        assertThat(parameters).anySatisfy(p -> assertThat(p)
                .containsEntry("name", "Idempotency-Key").containsEntry("in", "header").containsEntry("required", true));
    }
}
