package org.openretention.segmentation.store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.openretention.benchmarks.segmentation.SegBench.progress;
import static org.openretention.benchmarks.segmentation.SegBench.result;

/**
 * Seeds N customer profiles directly in the service's database, set-based, as {@code EvaluationBenchmarkTest} does:
 * profile rows and 0..4 orders per customer over the 800 days before {@code --as-of}, then the intake's own
 * recomputation of the aggregates ({@link ProfileStore#recomputeStatement}, hence this package), by chunks.
 * Runs with the worktree's segmentation-service jar on the class path.
 */
@Command(name = "seed-profiles", description = "Seeds N profiles (+ orders) in the service's database with set-based SQL and the intake's recomputation.")
public final class SeedProfiles implements Callable<Integer> {

    @Option(names = "--jdbc", required = true)
    String url;
    @Option(names = "--customers", defaultValue = "1000000")
    int n;
    @Option(names = "--as-of", required = true, description = "the instant the profiles are seeded up to (the evaluations' asOf)")
    Instant asOf;
    @Option(names = "--zone", defaultValue = "UTC")
    String zone;
    @Option(names = "--chunk", defaultValue = "50000")
    int chunk;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            String at = "TIMESTAMPTZ '" + asOf + "'";
            s.execute("INSERT INTO customer_profile (customer_id, last_event_at, registered_at, likes, comments) "
                    + "SELECT 'bench-' || i, " + at + ", " + at + " - (i % 900 + 1) * INTERVAL '1 day' - INTERVAL '3 hours', i % 7, i % 3 "
                    + "FROM generate_series(1, " + n + ") i");
            s.execute("INSERT INTO profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category) "
                    + "SELECT 'bench-' || i, 'o' || k, " + at + " - ((i * 7 + k * 37) % 800) * INTERVAL '1 day' - INTERVAL '5 hours', "
                    + "10 + (i * k) % 500, (i + k) % 3 = 0, CAST(CASE WHEN k % 2 = 0 THEN '{\"BOOKS\": 2}' ELSE '{\"TOYS\": 1, \"BOOKS\": 1}' END AS jsonb) "
                    + "FROM generate_series(1, " + n + ") i, generate_series(1, i % 5) k");
            out.put("insert_s", (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            String recompute = ProfileStore.recomputeStatement(ZoneId.of(zone));
            for (int from = 1; from <= n; from += chunk) {
                String[] ids = new String[Math.min(n + 1, from + chunk) - from];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = "bench-" + (from + i);
                }
                try (PreparedStatement p = c.prepareStatement(recompute)) {
                    Array array = c.createArrayOf("varchar", ids);
                    p.setArray(1, array);
                    p.setArray(2, array);
                    p.executeUpdate();
                }
                if ((from / chunk) % 5 == 0) {
                    progress("seed-profiles: recomputed %,d of %,d", from + ids.length - 1, n);
                }
            }
            out.put("recompute_s", (System.nanoTime() - t1) / 1e9);
            s.execute("VACUUM ANALYZE customer_profile");
            s.execute("VACUUM ANALYZE profile_order");
            s.execute("CHECKPOINT");
            try (var rs = s.executeQuery("SELECT (SELECT count(*) FROM customer_profile), (SELECT count(*) FROM profile_order)")) {
                rs.next();
                out.put("profiles", rs.getLong(1));
                out.put("orders", rs.getLong(2));
            }
        }
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        result("seed-profiles", out);
        return 0;
    }
}
