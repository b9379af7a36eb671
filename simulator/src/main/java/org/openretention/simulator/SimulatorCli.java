package org.openretention.simulator;

import org.openretention.events.EventCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command line of the shop simulator: {@code history}, {@code live} and {@code run}. */
@Command(name = "simulator",
        mixinStandardHelpOptions = true,
        version = "OpenRetention shop simulator 0.1.0",
        description = {
                "Stands in for a shop backend: simulates a population of customers (buy-till-you-die purchase and "
                        + "dropout process, browsing, coupons, reviews, refunds, referrals, check-ins) and publishes "
                        + "their events to the Kafka input topics customers, orders and interactions.",
                "",
                "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 broker unreachable, 4 publishing failed, "
                        + "130 stopped (Ctrl-C)."},
        subcommands = {SimulatorCli.History.class, SimulatorCli.Live.class, SimulatorCli.Run.class,
                CommandLine.HelpCommand.class},
        sortOptions = false)
public final class SimulatorCli implements Runnable {

    public static final int EXIT_BROKER_UNAVAILABLE = 3;
    public static final int EXIT_PUBLISH_FAILED = 4;
    public static final int EXIT_INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SimulatorCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a mode: history, live or run");
    }

    /** Options every mode has. */
    static final class Common {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
                description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
        String bootstrapServers;

        @Option(names = "--customers", paramLabel = "N", defaultValue = "10000",
                description = "Customers of the population (default: ${DEFAULT-VALUE}).")
        int customers;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed and options, same events (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--now", paramLabel = "INSTANT", description = "End of the history, ISO-8601 (default: the current time).")
        String now;

        @Option(names = "--partitions", defaultValue = "12", description = "Partitions of input topics created by the tool (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--replication-factor", defaultValue = "1", description = "Replication factor of input topics created by the tool (default: ${DEFAULT-VALUE}).")
        short replicationFactor;

        @Option(names = "--truth", paramLabel = "FILE", description = "Write the per-customer ground truth as CSV when the history is done.")
        Path truth;

        @Option(names = "--source", defaultValue = "simulator", description = "Value of the events' source field (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--output", paramLabel = "FILE", description = "Write JSON lines to FILE ('-' for stdout) instead of publishing to Kafka.")
        String output;

        @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "15s",
                description = "How long to wait for the broker at startup, and at most for a full producer buffer (default: ${DEFAULT-VALUE}).")
        String connectTimeout;

        @Option(names = "--purchase-shape", paramLabel = "R", description = "Shape r of the gamma distribution of purchase rates (default: 0.9).")
        Double gammaShape;

        @Option(names = "--purchase-alpha", paramLabel = "ALPHA", description = "Rate alpha (days) of that gamma distribution; mean rate r/alpha per day (default: 60).")
        Double gammaRate;

        @Option(names = "--dropout-a", paramLabel = "A", description = "a of the beta distribution of dropout probabilities (default: 0.8).")
        Double betaA;

        @Option(names = "--dropout-b", paramLabel = "B", description = "b of the beta distribution of dropout probabilities (default: 2.4).")
        Double betaB;

        @Option(names = "--initial-share", paramLabel = "SHARE", description = "Share of customers present from the start (default: 0.3).")
        Double initialShare;

        @Option(names = "--referral-share", paramLabel = "SHARE", description = "Share of newcomers registering with a referral code (default: 0.15).")
        Double referralShare;

        @Option(names = "--price-sensitive-share", paramLabel = "SHARE", description = "Share of coupon hunters (default: 0.2).")
        Double priceSensitiveShare;

        SimulationConfig config(int days) {
            Instant end;
            try {
                end = now == null ? Instant.now() : Instant.parse(now);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--now must be an ISO-8601 instant such as 2025-01-31T00:00:00Z, got " + now);
            }
            ModelParameters m = ModelParameters.defaults();
            m = m.withPurchaseRate(gammaShape != null ? gammaShape : m.gammaShape(), gammaRate != null ? gammaRate : m.gammaRate());
            m = m.withDropout(betaA != null ? betaA : m.betaA(), betaB != null ? betaB : m.betaB());
            m = m.withShares(initialShare != null ? initialShare : m.initialShare(),
                    referralShare != null ? referralShare : m.referralShare(),
                    priceSensitiveShare != null ? priceSensitiveShare : m.priceSensitiveShare());
            if (partitions < 1 || replicationFactor < 1) {
                throw new IllegalArgumentException("--partitions and --replication-factor must be at least 1");
            }
            return new SimulationConfig(seed, customers, end, days, source, m);
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Publish the past DAYS days (event times in the past, ending now) as fast as the broker takes them.")
    static final class History implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--days", defaultValue = "730", description = "Length of the history in days (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            return new Session(common, days).go(true, 0, null);
        }
    }

    @Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Continue the population in real time at about RATE events/s (event time = now). "
                    + "The DAYS-day history of the same seed and options is generated first without publishing it "
                    + "(it was published before by 'history'); --days 0 starts from scratch."})
    static final class Live implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--rate", defaultValue = "50", description = "Events per second (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long, e.g. 90s, 10m, 2h, PT1H (default: run until killed).")
        String duration;

        @Option(names = "--days", defaultValue = "730", description = "Days of history the population has behind it (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            return new Session(common, days).go(false, rate > 0 ? rate : -1, duration);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Publish the history, then continue live with the same population (what the local stack runs).")
    static final class Run implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--days", defaultValue = "730", description = "Length of the history in days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--rate", defaultValue = "50", description = "Live events per second (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--duration", paramLabel = "DURATION", description = "Stop the live phase after this long (default: run until killed).")
        String duration;

        @Override
        public Integer call() {
            return new Session(common, days).go(true, rate > 0 ? rate : -1, duration);
        }
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    static Duration parseDuration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 30s, 10m, 2h, 1d or PT10M)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            case "d" -> v * 86_400_000;
            default -> v * 1000;
        };
        return Duration.ofMillis((long) ms);
    }

    /** One invocation: set up the sink, run the phases, clean up, map failures to exit codes. */
    static final class Session {
        private final Common common;
        private final int days;
        private volatile boolean stopRequested;
        private final CountDownLatch finished = new CountDownLatch(1);

        Session(Common common, int days) {
            this.common = common;
            this.days = days;
        }

        int go(boolean publishHistory, double liveRate, String liveDurationText) {
            PrintStream log = System.err;
            SimulationConfig config;
            Duration connectTimeout;
            Duration liveDuration;
            try {
                config = common.config(days);
                connectTimeout = parseDuration(common.connectTimeout);
                liveDuration = parseDuration(liveDurationText);
                if (liveRate < 0 || Double.isNaN(liveRate) || Double.isInfinite(liveRate)) {
                    throw new IllegalArgumentException("--rate must be a positive number of events per second");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                log.println("simulator: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            Thread hook = new Thread(() -> {
                stopRequested = true;
                try {
                    finished.await(20, TimeUnit.SECONDS); // let the producer flush and the summary print
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            EventCodec codec = new EventCodec();
            EventSink sink = null;
            try {
                sink = openSink(config, connectTimeout, codec, log);
                ShopSimulation simulation = new ShopSimulation(config);
                TrafficRunner runner = new TrafficRunner(simulation, sink, log);
                log.printf(Locale.ROOT, "simulator: %,d customers, seed %d, history %s .. %s (%d days)%n",
                        config.customers(), config.seed(), config.start(), config.now(), config.days());
                TrafficRunner.PhaseResult history = publishHistory
                        ? runner.publishHistory(() -> stopRequested)
                        : runner.skipHistory(() -> stopRequested);
                if (!history.completed()) {
                    return EXIT_INTERRUPTED;
                }
                if (common.truth != null) {
                    simulation.truth().writeCsv(common.truth);
                    log.println("simulator: ground truth of " + simulation.truth().size() + " customers written to " + common.truth);
                }
                if (liveRate > 0) {
                    TrafficRunner.PhaseResult live = runner.publishLive(liveRate, liveDuration, () -> stopRequested);
                    if (!live.completed()) {
                        return EXIT_INTERRUPTED;
                    }
                }
                return CommandLine.ExitCode.OK;
            } catch (KafkaTopics.BrokerUnavailableException e) {
                log.println("simulator: " + e.getMessage());
                return EXIT_BROKER_UNAVAILABLE;
            } catch (TrafficPublisher.PublishException e) {
                log.println("simulator: " + e.getMessage());
                return EXIT_PUBLISH_FAILED;
            } catch (IOException e) {
                log.println("simulator: " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return EXIT_INTERRUPTED;
            } finally {
                if (sink != null) {
                    try {
                        sink.close();
                    } catch (RuntimeException e) {
                        log.println("simulator: closing the output failed: " + e.getMessage());
                    }
                }
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }

        private EventSink openSink(SimulationConfig config, Duration connectTimeout, EventCodec codec, PrintStream log)
                throws IOException {
            if (common.output != null) {
                if (common.output.equals("-")) {
                    return new JsonLinesSink(System.out, codec, false);
                }
                Path file = Path.of(common.output);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                log.println("simulator: writing JSON lines to " + file);
                return new JsonLinesSink(new FileOutputStream(file.toFile()), codec, true);
            }
            List<String> created = KafkaTopics.ensureInputTopics(common.bootstrapServers, common.partitions,
                    common.replicationFactor, connectTimeout);
            log.println("simulator: connected to Kafka at " + common.bootstrapServers
                    + (created.isEmpty() ? "; input topics exist" : "; created topics " + created));
            return new TrafficPublisher(common.bootstrapServers, "simulator-" + config.source(),
                    connectTimeout.compareTo(Duration.ofSeconds(30)) > 0 ? connectTimeout : Duration.ofSeconds(30), codec);
        }
    }
}
