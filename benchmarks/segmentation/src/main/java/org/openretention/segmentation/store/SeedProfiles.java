package org.openretention.segmentation.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.openretention.benchmarks.segmentation.SegBench.progress;
import static org.openretention.benchmarks.segmentation.SegBench.result;

/**
 * Seeds N customer profiles directly in the service's database: profile rows and their orders, either drawn from
 * BG/NBD + Gamma-Gamma and written with COPY ({@code --shape bgnbd}, the default: a base the model fits can converge
 * on), or set-based as {@code EvaluationBenchmarkTest} does ({@code --shape simple}: 0..4 orders per customer on fixed
 * days); then the intake's own recomputation of the aggregates ({@link ProfileStore#recomputeStatement}, hence this
 * package), by chunks.
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
    @Option(names = "--shape", defaultValue = "bgnbd",
            description = "bgnbd: orders drawn per customer from BG/NBD and Gamma-Gamma (CDNOW's parameters, first order uniform over "
                    + "the 78 weeks before --as-of), written with COPY; simple: EvaluationBenchmarkTest's 0..4 orders on fixed days")
    String shape;
    @Option(names = "--seed", defaultValue = "5")
    long seed;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            String at = "TIMESTAMPTZ '" + asOf + "'";
            if ("bgnbd".equals(shape)) {
                copyDrawn(c);
            } else {
            s.execute("INSERT INTO customer_profile (customer_id, last_event_at, registered_at, likes, comments) "
                    + "SELECT 'bench-' || i, " + at + ", " + at + " - (i % 900 + 1) * INTERVAL '1 day' - INTERVAL '3 hours', i % 7, i % 3 "
                    + "FROM generate_series(1, " + n + ") i");
            s.execute("INSERT INTO profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category) "
                    + "SELECT 'bench-' || i, 'o' || k, " + at + " - ((i * 7 + k * 37) % 800) * INTERVAL '1 day' - INTERVAL '5 hours', "
                    + "10 + (i * k) % 500, (i + k) % 3 = 0, CAST(CASE WHEN k % 2 = 0 THEN '{\"BOOKS\": 2}' ELSE '{\"TOYS\": 1, \"BOOKS\": 1}' END AS jsonb) "
                    + "FROM generate_series(1, " + n + ") i, generate_series(1, i % 5) k");
            }
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
        out.put("shape", shape);
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        result("seed-profiles", out);
        return 0;
    }

    /**
     * Customers drawn from BG/NBD (CDNOW's r 0.243, alpha 4.414, a 0.793, b 2.426 per week): the first order uniform over
     * the 546 days before --as-of, repeat orders at the customer's rate until the customer drops out (after each repeat,
     * with the customer's probability); amounts from Gamma-Gamma (p 6.25, q 3.74, gamma 15.44); a last product view for
     * every customer still active and three in ten of the others (a sign of life for Pareto/NBD's scores, which makes
     * the triples to score more numerous). COPY by chunks.
     */
    private void copyDrawn(Connection c) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom rnd = new SplittableRandom(seed);
        // the product views come from a stream of their own, so that the orders are those of the seed without views
        SplittableRandom views = new SplittableRandom(seed + 1);
        long asOfMs = asOf.toEpochMilli();
        long orders = 0;
        for (int from = 1; from <= n; from += chunk) {
            StringBuilder profiles = new StringBuilder();
            StringBuilder rows = new StringBuilder();
            int to = Math.min(n, from + chunk - 1);
            for (int i = from; i <= to; i++) {
                double ageDays = rnd.nextDouble() * 546;
                long firstMs = asOfMs - (long) (ageDays * 86_400_000L);
                double lambdaPerDay = org.openretention.benchmarks.segmentation.ModelTimings.gamma(rnd, 0.243) / 4.414 / 7;
                double p = org.openretention.benchmarks.segmentation.ModelTimings.beta(rnd, 0.793, 2.426);
                double nu = org.openretention.benchmarks.segmentation.ModelTimings.gamma(rnd, 3.74) / 15.44;
                String id = "bench-" + i;
                long lastMs = firstMs;
                int k = 0;
                double t = 0;
                boolean droppedOut = false;
                while (true) {
                    long atMs = firstMs + (long) (t * 86_400_000L);
                    double amount = Math.max(0.01, org.openretention.benchmarks.segmentation.ModelTimings.gamma(rnd, 6.25) / nu);
                    rows.append(id).append('\t').append('o').append(k).append('\t').append(Instant.ofEpochMilli(atMs)).append('\t')
                            .append(String.format(Locale.ROOT, "%.2f", amount)).append('\t').append(k % 3 == 0 ? 't' : 'f').append('\t')
                            .append(k % 2 == 0 ? "{\"BOOKS\": 2}" : "{\"TOYS\": 1, \"BOOKS\": 1}").append('\n');
                    lastMs = atMs;
                    k++;
                    if (k > 1 && rnd.nextDouble() < p) {
                        droppedOut = true;
                        break;   // dropped out after this repeat purchase
                    }
                    t += -Math.log(1 - rnd.nextDouble()) / lambdaPerDay;
                    if (t > ageDays) {
                        break;
                    }
                }
                orders += k;
                // the last product view: an active customer's at a uniform moment since their last order; three in ten of
                // those who dropped out look around once more, about 15 days after their last order
                long viewMs = -1;
                if (!droppedOut) {
                    viewMs = lastMs + (long) (views.nextDouble() * (asOfMs - lastMs));
                } else if (views.nextDouble() < 0.3) {
                    viewMs = Math.min(asOfMs, lastMs + (long) (-Math.log(1 - views.nextDouble()) * 15 * 86_400_000L));
                }
                profiles.append(id).append('\t').append(Instant.ofEpochMilli(Math.max(lastMs, viewMs))).append('\t')
                        .append(Instant.ofEpochMilli(firstMs - 3_600_000L)).append('\t')
                        .append(viewMs < 0 ? "\\N" : Instant.ofEpochMilli(viewMs).toString()).append('\n');
            }
            copy.copyIn("COPY customer_profile (customer_id, last_event_at, registered_at, last_product_view_at) FROM STDIN", new StringReader(profiles.toString()));
            copy.copyIn("COPY profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category) FROM STDIN",
                    new StringReader(rows.toString()));
        }
        progress("seed-profiles: %,d customers, %,d orders drawn and copied", n, orders);
    }
}
