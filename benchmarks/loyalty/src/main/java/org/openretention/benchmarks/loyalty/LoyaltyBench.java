package org.openretention.benchmarks.loyalty;

import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Entry point of the loyalty-service ledger benchmark. Every phase is a subcommand; each prints one or more
 * machine-readable lines {@code RESULT phase=<name> key=value ...} on stdout (progress goes to stderr), which
 * benchmarks/loyalty/run.sh collects into the report.
 */
@Command(name = "loyalty-bench", mixinStandardHelpOptions = true,
        subcommands = {
                Phases.ResetKafka.class,
                Phases.PgInsert.class,
                Phases.PublishOrders.class,
                Phases.KafkaConsume.class,
                Phases.AwaitLedger.class,
                Phases.Verify.class,
                Phases.AwaitLag.class,
                Phases.Latency.class,
                Phases.HttpLoad.class
        },
        description = "Phases of the loyalty-service ledger benchmark (see benchmarks/README.md)")
public final class LoyaltyBench implements Runnable {

    public static void main(String[] args) {
        int rc = new CommandLine(new LoyaltyBench()).execute(args);
        System.exit(rc);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    static void result(String phase, Map<String, ?> values) {
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
        return String.valueOf(v);
    }

    static void progress(String fmt, Object... args) {
        System.err.println(String.format(Locale.ROOT, fmt, args));
    }

    /** Percentiles of a histogram recorded in microseconds, as milliseconds. */
    static void putPercentiles(Map<String, Object> out, Histogram h) {
        out.put("count", h.getTotalCount());
        out.put("p50_ms", h.getValueAtPercentile(50) / 1000.0);
        out.put("p90_ms", h.getValueAtPercentile(90) / 1000.0);
        out.put("p99_ms", h.getValueAtPercentile(99) / 1000.0);
        out.put("p999_ms", h.getValueAtPercentile(99.9) / 1000.0);
        out.put("max_ms", h.getMaxValue() / 1000.0);
        out.put("mean_ms", h.getMean() / 1000.0);
    }
}
