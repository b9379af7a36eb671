package org.openretention.platform.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class TopicProvisionerTest {

    @Test
    void consumedTopicsAndTheirDeadLetterTwinsExistWithTheConfiguredPartitions() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            Map<String, Integer> partitions = kafka.partitionCounts(Set.of("kit-orders", "kit-orders.dlq"));
            assertThat(partitions).containsEntry("kit-orders", 3).containsEntry("kit-orders.dlq", 3);
        }
    }
}
