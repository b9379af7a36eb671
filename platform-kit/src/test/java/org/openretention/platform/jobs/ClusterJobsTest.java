package org.openretention.platform.jobs;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ClusterJobsTest {

    @Inject
    ClusterJobs jobs;

    @Test
    void aJobRunsInOnlyOnePlaceAtATime() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jobs.runExclusively("expire-points", () -> {
            started.countDown();
            await(release);
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] secondRan = {false};
        boolean second = jobs.runExclusively("expire-points", () -> secondRan[0] = true);
        boolean other = jobs.runExclusively("another-job", () -> { });

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second).isFalse();
        assertThat(secondRan[0]).isFalse();
        assertThat(other).isTrue();
        assertThat(jobs.runExclusively("expire-points", () -> { })).as("the lock is released after the run").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
