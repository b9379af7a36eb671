package org.openretention.benchmarks.segmentation;

import org.openretention.segmentation.model.BgNbd;
import org.openretention.segmentation.model.CompressedSample;
import org.openretention.segmentation.model.CustomerSummary;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.ModelFit;
import org.openretention.segmentation.model.ParetoNbd;
import org.openretention.segmentation.model.Purchase;
import org.openretention.segmentation.model.Summaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.openretention.benchmarks.segmentation.SegBench.median;
import static org.openretention.benchmarks.segmentation.SegBench.progress;
import static org.openretention.benchmarks.segmentation.SegBench.result;

/**
 * The model fits in process, optimisation only ({@link ModelFit#durationNanos()}): BG/NBD, Pareto/NBD and Gamma-Gamma
 * on a synthetic customer base drawn from known BG/NBD and Gamma-Gamma parameters (times in whole days, as the service's
 * summaries have them), and on the CDNOW sample when its file is there. Each fit is repeated after JIT warm-up
 * repetitions; medians.
 */
@Command(name = "model-timings", description = "In-process fit timings (optimisation only, medians after warm-up): synthetic N customers and CDNOW.")
public final class ModelTimings implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "1000000")
    int customers;
    @Option(names = "--warmup", defaultValue = "3", description = "warm-up repetitions of each fit (not timed)")
    int warmup;
    @Option(names = "--reps", defaultValue = "5", description = "timed repetitions of each fit")
    int reps;
    @Option(names = "--cdnow-dir", description = "directory of CDNOW_sample.txt; skipped when absent")
    Path cdnowDir;
    @Option(names = "--cdnow-warmup", defaultValue = "30")
    int cdnowWarmup;
    @Option(names = "--cdnow-reps", defaultValue = "30")
    int cdnowReps;
    @Option(names = "--seed", defaultValue = "11")
    long seed;
    @Option(names = "--skip-pareto", description = "no Pareto/NBD fit on the synthetic base")
    boolean skipPareto;

    // the published CDNOW BG/NBD fit (weeks) and Gamma-Gamma fit, as the population's true parameters
    static final double R = 0.243, ALPHA = 4.414, A = 0.793, B = 2.426;
    static final double P = 6.25, Q = 3.74, GAMMA = 15.44;

    @Override
    public Integer call() throws Exception {
        if (customers > 0) {
            synthetic();
        }
        cdnow();
        return 0;
    }

    private void synthetic() {
        long t0 = System.nanoTime();
        List<CustomerSummary> base = draw(customers, new SplittableRandom(seed));
        double drawS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        CompressedSample sample = CompressedSample.of(base);
        double compressMs = (System.nanoTime() - t0) / 1e6;
        long repeaters = base.stream().filter(c -> c.repeatTransactions() > 0).count();
        progress("model-timings: %,d synthetic customers (%,d with repeats) drawn in %.1f s, %,d compressed rows", customers, repeaters, drawS, sample.rows());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customers", customers);
        out.put("repeat_customers", repeaters);
        out.put("compressed_rows", sample.rows());
        out.put("compress_ms", compressMs);
        timed(out, "bgnbd", () -> BgNbd.fit(sample), warmup, reps);
        timed(out, "gg", () -> GammaGamma.fit(base), warmup, reps);
        if (!skipPareto) {
            timed(out, "pnbd", () -> ParetoNbd.fit(sample), Math.min(warmup, 1), Math.min(reps, 3));
        }
        out.put("bgnbd_plus_gg_ms", (Double) out.get("bgnbd_ms_median") + (Double) out.get("gg_ms_median"));
        out.put("warmup", warmup);
        out.put("reps", reps);
        result("model-timings-synthetic", out);
    }

    private void cdnow() throws Exception {
        Path file = cdnowDir == null ? null : cdnowDir.resolve("CDNOW_sample.txt");
        if (file == null || !Files.isReadable(file)) {
            result("model-timings-cdnow", Map.of("skipped", true, "reason", "CDNOW_sample.txt_not_found"));
            return;
        }
        Map<String, List<Purchase>> byCustomer = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
            byCustomer.computeIfAbsent(f[0], id -> new ArrayList<>())
                    .add(new Purchase(day.atTime(12, 0).toInstant(ZoneOffset.UTC), new BigDecimal(f[4])));
        }
        long t0 = System.nanoTime();
        List<CustomerSummary> calibration = new Summaries(ZoneOffset.UTC, LocalDate.of(1997, 9, 30)).summarise(byCustomer);
        CompressedSample sample = CompressedSample.of(calibration);
        double prepMs = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("skipped", false);
        out.put("customers", calibration.size());
        out.put("compressed_rows", sample.rows());
        out.put("summarise_compress_ms", prepMs);
        timed(out, "bgnbd", () -> BgNbd.fit(sample), cdnowWarmup, cdnowReps);
        timed(out, "gg", () -> GammaGamma.fit(calibration), cdnowWarmup, cdnowReps);
        timed(out, "pnbd", () -> ParetoNbd.fit(sample), cdnowWarmup, cdnowReps);
        out.put("bgnbd_plus_gg_ms", (Double) out.get("bgnbd_ms_median") + (Double) out.get("gg_ms_median"));
        out.put("all_three_ms", (Double) out.get("bgnbd_plus_gg_ms") + (Double) out.get("pnbd_ms_median"));
        out.put("warmup", cdnowWarmup);
        out.put("reps", cdnowReps);
        result("model-timings-cdnow", out);
    }

    private static void timed(Map<String, Object> out, String name, Supplier<ModelFit<?>> fit, int warmup, int reps) {
        ModelFit<?> last = null;
        for (int i = 0; i < warmup; i++) {
            last = fit.get();
        }
        double[] ms = new double[reps];
        double[] wall = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            last = fit.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            ms[i] = last.durationNanos() / 1e6;
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        out.put(name + "_ms_median", median(ms));
        out.put(name + "_ms_min", sorted[0]);
        out.put(name + "_ms_max", sorted[sorted.length - 1]);
        out.put(name + "_wall_ms_median", median(wall));
        out.put(name + "_iterations", last.iterations());
        out.put(name + "_converged", last.converged());
        out.put(name + "_activatable", last.activatable());
        out.put(name + "_ll", last.logLikelihood());
        out.put(name + "_params", last.parameters().toString().replace(" ", ""));
        progress("model-timings: %s median %.1f ms (%s)", name, median(ms), last.parameters());
    }

    /**
     * Customers drawn from BG/NBD (weeks): first purchase uniform over the 78 weeks before the calibration end, purchase
     * rate ~ Gamma(r, alpha), dropout probability after each repeat purchase ~ Beta(a, b); times rounded to whole days.
     * Spend per repeat transaction ~ Gamma(p, nu) with nu ~ Gamma(q, gamma).
     */
    static List<CustomerSummary> draw(int n, SplittableRandom rnd) {
        List<CustomerSummary> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double ageDays = Math.floor(rnd.nextDouble() * 546);
            double age = ageDays / 7.0;
            double lambda = gamma(rnd, R) / ALPHA;
            double pDrop = beta(rnd, A, B);
            double t = 0;
            int x = 0;
            double last = 0;
            while (true) {
                t += -Math.log(1 - rnd.nextDouble()) / lambda;
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                if (rnd.nextDouble() < pDrop) {
                    break;
                }
            }
            double recency = x == 0 ? 0 : Math.min(age, Math.floor(last * 7) / 7.0);
            if (x > 0 && recency == 0) {
                recency = Math.min(age, 1 / 7.0);
            }
            double mean = 0;
            if (x > 0) {
                double nu = gamma(rnd, Q) / GAMMA;
                double sum = 0;
                for (int k = 0; k < x; k++) {
                    sum += gamma(rnd, P) / nu;
                }
                mean = sum / x;
            }
            out.add(new CustomerSummary("s" + i, x, recency, age, mean));
        }
        return out;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (boosted for shape < 1). */
    public static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gamma(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = normal(rnd);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    public static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a);
        return x / (x + gamma(rnd, b));
    }

    static double normal(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
