package org.openretention.platform.jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.platform.testapp.TestEffect;
import org.openretention.testkit.PlatformTestResources;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside an intake transaction, writes wait in the StatementPipeline; a Panache read of the same transaction must
 * see them all the same (the rule of docs/architecture.md: Hibernate flushes the pipeline first).
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class PipelineFirstTest {

    private static final String INSERT = "INSERT INTO kit_test_effect (customer_id, event_id, order_id) VALUES (?, ?, ?)";

    @Inject
    StatementPipeline pipeline;

    @Test
    void aPanacheReadSeesTheWritesQueuedBeforeIt() {
        String customer = "c-" + UUID.randomUUID();
        long[] seen = new long[2];
        QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            pipeline.queue(INSERT, p -> p.string(customer).object(UUID.randomUUID()).string("o-1"), StatementPipeline.Check.changes(1, "insert"));
            seen[0] = TestEffect.count("customerId", customer);
            pipeline.queue(INSERT, p -> p.string(customer).object(UUID.randomUUID()).string("o-2"), StatementPipeline.Check.changes(1, "insert"));
            seen[1] = TestEffect.count("customerId", customer);
        });
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void anEntityPersistedAfterQueuedWritesIsWrittenAfterThem() {
        String customer = "c-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            pipeline.queue(INSERT, p -> p.string(customer).object(UUID.randomUUID()).string("queued"), StatementPipeline.Check.changes(1, "insert"));
            TestEffect entity = new TestEffect();
            entity.customerId = customer;
            entity.eventId = UUID.randomUUID();
            entity.orderId = "entity";
            entity.persist();
        });
        long queuedId = QuarkusTransaction.requiringNew().call(() ->
                TestEffect.<TestEffect>find("customerId = ?1 and orderId = 'queued'", customer).singleResult().id);
        long entityId = QuarkusTransaction.requiringNew().call(() ->
                TestEffect.<TestEffect>find("customerId = ?1 and orderId = 'entity'", customer).singleResult().id);
        assertThat(entityId).as("the entity's identity comes after the queued row's").isGreaterThan(queuedId);
    }
}
