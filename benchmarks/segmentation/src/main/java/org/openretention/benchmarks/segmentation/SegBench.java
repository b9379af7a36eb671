package org.openretention.benchmarks.segmentation;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Entry point of the segmentation-service benchmark. Every phase is a subcommand; each prints one or more
 * machine-readable lines {@code RESULT phase=<name> key=value ...} on stdout (progress goes to stderr), which
 * benchmarks/segmentation/run.sh collects into the report.
 */
@Command(name = "segmentation-bench", mixinStandardHelpOptions = true,
        subcommands = {
                Phases.ResetKafka.class,
                Phases.PgInsert.class,
                Phases.PublishFile.class,
                Phases.KafkaConsume.class,
                Phases.AwaitIntake.class,
                Phases.Checksum.class,
                Phases.Evaluate.class,
                Phases.Fit.class,
                Phases.ChurnAuc.class,
                ModelTimings.class,
                org.openretention.segmentation.store.SeedProfiles.class
        },
        description = "Phases of the segmentation-service benchmark (see benchmarks/README.md)")
public final class SegBench implements Runnable {

    public static void main(String[] args) {
        int rc = new CommandLine(new SegBench()).execute(args);
        System.exit(rc);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void result(String phase, Map<String, ?> values) {
        StringJoiner j = new StringJoiner(" ");
        j.add("RESULT").add("phase=" + phase);
        values.forEach((k, v) -> j.add(k + "=" + format(v)));
        System.out.println(j);
        System.out.flush();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(v).replace(' ', '_');
    }

    public static void progress(String fmt, Object... args) {
        System.err.println(String.format(Locale.ROOT, fmt, args));
    }

    /** Median of the values (mean of the two middle ones for an even count). */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
