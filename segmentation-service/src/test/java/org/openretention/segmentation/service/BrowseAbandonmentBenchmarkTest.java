package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openretention.testkit.PlatformTestResources;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timing of the browse-abandonment step alone over a synthetic population, run only on request and alone (it fills
 * the test database): {@code ./mvnw -pl segmentation-service test -Dtest=BrowseAbandonmentBenchmarkTest
 * -Dbenchmark.browsers=100000}. Each customer has 10 views and cart adds spread over the two days before
 * {@code asOf}, a third of them an order; prints the step as of {@code asOf} (the older sessions decided), again
 * (nothing to decide) and a day later (the rest). Never fails on timing.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
@EnabledIfSystemProperty(named = "benchmark.browsers", matches = "[0-9]+")
class BrowseAbandonmentBenchmarkTest {

    private static final Instant AS_OF = Instant.parse("2028-02-01T06:00:00Z");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BrowseAbandonmentSweep sweep;

    @Test
    void decideTheSessionsOfASyntheticPopulation() throws Exception {
        int n = Integer.parseInt(System.getProperty("benchmark.browsers"));
        long seedStart = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String asOf = "TIMESTAMPTZ '" + AS_OF + "'";
            s.execute("INSERT INTO customer_profile (customer_id, last_event_at) "
                    + "SELECT 'browse-bench-' || i, " + asOf + " FROM generate_series(1, " + n + ") i");
            s.execute("INSERT INTO browse_activity (customer_id, occurred_at, kind, sku) "
                    + "SELECT 'browse-bench-' || i, " + asOf + " - INTERVAL '48 hours' + ((i * 13) % 2400) * INTERVAL '1 minute' "
                    + "+ k * ((i + k) % 40) * INTERVAL '1 minute', CASE WHEN k % 4 = 0 THEN 'CART_ADD' ELSE 'PRODUCT_VIEW' END, "
                    + "'sku-' || ((i + k) % 50) FROM generate_series(1, " + n + ") i, generate_series(1, 10) k");
            s.execute("INSERT INTO profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category) "
                    + "SELECT 'browse-bench-' || i, 'o1', " + asOf + " - ((i * 7) % 2880) * INTERVAL '1 minute', 10, false, '{}' "
                    + "FROM generate_series(1, " + n + ") i WHERE i % 3 = 0");
            s.execute("ANALYZE browse_activity");
            s.execute("ANALYZE profile_order");
            s.execute("ANALYZE customer_profile");
        }
        System.out.printf("browse benchmark: %d customers, %d rows seeded in %d ms%n", n, count("browse_activity"),
                (System.nanoTime() - seedStart) / 1_000_000);
        for (Instant asOf : new Instant[] {AS_OF, AS_OF, AS_OF.plus(Duration.ofDays(1))}) {
            long start = System.nanoTime();
            BrowseAbandonmentSweep.Result result = QuarkusTransaction.requiringNew().timeout(900).call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return sweep.publishAbandoned(c, asOf);
                }
            });
            System.out.printf("browse benchmark: as of %s: %d sessions decided, %d published in %d ms; %d rows and %d decided sessions left%n",
                    asOf, result.decided(), result.published(), (System.nanoTime() - start) / 1_000_000, count("browse_activity"),
                    count("browse_session"));
        }
        assertThat(count("browse_activity")).as("every session decided a day later").isZero();
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
