package org.openretention.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.customers.CustomerRegistered;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CliAndRunnerTest {

    @TempDir
    Path dir;

    /** Keeps what it is given. */
    static final class CollectingSink implements EventSink {
        final List<EventEnvelope<?>> events = new ArrayList<>();

        @Override
        public void publish(EventEnvelope<?> event) {
            events.add(event);
        }

        @Override
        public void flush() {
        }

        @Override
        public long acknowledged() {
            return events.size();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void historyToJsonLinesWritesValidEventsAndTheTruth() throws Exception {
        Path out = dir.resolve("events.jsonl");
        Path truth = dir.resolve("truth.csv");
        int code = SimulatorCli.execute("history", "--customers", "300", "--days", "120", "--seed", "5",
                "--now", "2026-01-01T00:00:00Z", "--output", out.toString(), "--truth", truth.toString());
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.size()).isGreaterThan(1000);
        EventCodec codec = new EventCodec();
        Instant previous = Instant.MIN;
        for (String line : lines.subList(0, 2000 < lines.size() ? 2000 : lines.size())) {
            EventEnvelope<?> e = codec.decode(line);
            assertThat(e.occurredAt()).isAfterOrEqualTo(previous).isBefore(Instant.parse("2026-01-01T00:00:00Z"));
            previous = e.occurredAt();
        }
        List<String> csv = Files.readAllLines(truth);
        assertThat(csv).hasSize(301);
        assertThat(csv.get(0)).startsWith("customerId,registeredAt,purchaseRate,dropoutProbability,priceSensitive,currency,orders,droppedOut,droppedOutAt,referredBy");
        assertThat(csv.get(1)).startsWith("c-000001,2025-09-03T");

        // same options, same bytes apart from the order of map keys: compare decoded events
        Path again = dir.resolve("again.jsonl");
        SimulatorCli.execute("history", "--customers", "300", "--days", "120", "--seed", "5",
                "--now", "2026-01-01T00:00:00Z", "--output", again.toString());
        List<String> lines2 = Files.readAllLines(again, StandardCharsets.UTF_8);
        assertThat(lines2).hasSameSizeAs(lines);
        assertThat(codec.decode(lines2.get(lines2.size() - 1))).isEqualTo(codec.decode(lines.get(lines.size() - 1)));
    }

    @Test
    void anUnreachableBrokerFailsFastWithAClearMessage() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        int code;
        try {
            code = SimulatorCli.execute("history", "--customers", "10", "--bootstrap-servers", "127.0.0.1:1",
                    "--connect-timeout", "2s");
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(SimulatorCli.EXIT_BROKER_UNAVAILABLE);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("127.0.0.1:1").contains("is the broker running?");
    }

    @Test
    void badOptionsAreUsageErrors() {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(SimulatorCli.execute("history", "--now", "yesterday", "--output", dir.resolve("x").toString())).isEqualTo(2);
            assertThat(SimulatorCli.execute("live", "--rate", "0", "--output", dir.resolve("x").toString())).isEqualTo(2);
            assertThat(SimulatorCli.execute("history", "--customers", "0", "--output", dir.resolve("x").toString())).isEqualTo(2);
            assertThat(SimulatorCli.execute("bogus")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void durations() {
        assertThat(SimulatorCli.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulatorCli.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SimulatorCli.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(SimulatorCli.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(SimulatorCli.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulatorCli.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(SimulatorCli.parseDuration(null)).isNull();
        assertThatThrownBy(() -> SimulatorCli.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void livePhasePacesEventsAndStampsThemWithTheWallClock() throws Exception {
        ShopSimulation sim = new ShopSimulation(SimulationConfig.of(4, 300, Generated.NOW, 30));
        CollectingSink sink = new CollectingSink();
        TrafficRunner runner = new TrafficRunner(sim, sink, new PrintStream(new ByteArrayOutputStream()));
        TrafficRunner.PhaseResult history = runner.publishHistory(() -> false);
        assertThat(history.completed()).isTrue();
        assertThat(history.events()).isEqualTo(sink.events.size());
        int afterHistory = sink.events.size();

        Instant before = Instant.now().minusMillis(1);
        TrafficRunner.PhaseResult live = runner.publishLive(400, Duration.ofMillis(1500), () -> false);
        Instant after = Instant.now().plusMillis(1);
        assertThat(live.events()).isEqualTo(sink.events.size() - afterHistory);
        assertThat((double) live.events()).isCloseTo(600, within(150.0));
        Instant previous = Instant.MIN;
        for (EventEnvelope<?> e : sink.events.subList(afterHistory, sink.events.size())) {
            assertThat(e.occurredAt()).isBetween(before, after).isAfterOrEqualTo(previous);
            previous = e.occurredAt();
            if (e.payload() instanceof CustomerRegistered r) {
                assertThat(r.registeredAt()).isEqualTo(e.occurredAt());
            }
        }
    }
}
