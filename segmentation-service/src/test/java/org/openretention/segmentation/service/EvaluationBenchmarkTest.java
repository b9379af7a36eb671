package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openretention.segmentation.lifecycle.StageRules;
import org.openretention.segmentation.store.ProfileSeeds;
import org.openretention.testkit.PlatformTestResources;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timing of the evaluation over a synthetic customer base, run only on request and alone (it fills the test database):
 * {@code ./mvnw -pl segmentation-service test -Dtest=EvaluationBenchmarkTest -Dbenchmark.customers=1000000}. Prints the
 * first run (every customer new: everything written and published), a run finding nothing changed, and a run a day
 * later. Never fails on timing.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
@EnabledIfSystemProperty(named = "benchmark.customers", matches = "[0-9]+")
class EvaluationBenchmarkTest {

    private static final Instant AS_OF = Instant.parse("2027-06-01T06:00:00Z");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Evaluation evaluation;
    @Inject
    StageRules stageRules;

    @Test
    void evaluateASyntheticCustomerBase() throws Exception {
        int n = Integer.parseInt(System.getProperty("benchmark.customers"));
        long seedStart = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String asOf = "TIMESTAMPTZ '" + AS_OF + "'";
            s.execute("INSERT INTO customer_profile (customer_id, last_event_at, registered_at, likes, comments) "
                    + "SELECT 'bench-' || i, " + asOf + ", " + asOf + " - (i % 900 + 1) * INTERVAL '1 day' - INTERVAL '3 hours', i % 7, i % 3 "
                    + "FROM generate_series(1, " + n + ") i");
            s.execute("INSERT INTO profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category) "
                    + "SELECT 'bench-' || i, 'o' || k, " + asOf + " - ((i * 7 + k * 37) % 800) * INTERVAL '1 day' - INTERVAL '5 hours', "
                    + "10 + (i * k) % 500, (i + k) % 3 = 0, CAST(CASE WHEN k % 2 = 0 THEN '{\"BOOKS\": 2}' ELSE '{\"TOYS\": 1, \"BOOKS\": 1}' END AS jsonb) "
                    + "FROM generate_series(1, " + n + ") i, generate_series(1, i % 5) k");
            String recompute = ProfileSeeds.recomputeStatement(stageRules.thresholds().zone());
            for (int from = 1; from <= n; from += 100_000) {
                List<String> ids = new ArrayList<>();
                for (int i = from; i < Math.min(n + 1, from + 100_000); i++) {
                    ids.add("bench-" + i);
                }
                try (PreparedStatement p = c.prepareStatement(recompute)) {
                    Array array = c.createArrayOf("varchar", ids.toArray());
                    p.setArray(1, array);
                    p.setArray(2, array);
                    p.executeUpdate();
                }
            }
            s.execute("VACUUM ANALYZE customer_profile");
            s.execute("VACUUM ANALYZE profile_order");
        }
        System.out.printf("BENCHMARK seeded %,d customers in %d s%n", n, Duration.ofNanos(System.nanoTime() - seedStart).toSeconds());
        for (Instant asOf : List.of(AS_OF, AS_OF, AS_OF.plus(Duration.ofDays(1)))) {
            long start = System.nanoTime();
            Evaluation.Run run = evaluation.runAsOf(asOf).orElseThrow();
            System.out.printf("BENCHMARK evaluation as of %s: %,d customers, %,d changed, %,d ms (wall %,d ms)%n", run.asOf(),
                    run.customers(), run.changed(), run.durationMs(), (System.nanoTime() - start) / 1_000_000);
            assertThat(run.customers()).isGreaterThanOrEqualTo(n);
        }
    }
}
