package org.openretention.simulator;

import org.openretention.events.EventEnvelope;
import org.openretention.events.EventType;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link ShopSimulation} into an {@link EventSink}: the history as fast as the sink takes it, live traffic
 * paced to a rate with wall-clock event times. Reports progress on stderr about every two seconds (events, events/s,
 * percent done and ETA for the history, heap in use) and a summary line at the end of each phase.
 */
public final class TrafficRunner {

    private static final DateTimeFormatter SIM_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long REPORT_EVERY_NANOS = 2_000_000_000L;

    private final ShopSimulation simulation;
    private final EventSink sink;
    private final PrintStream log;
    private final AtomicLongArray perType = new AtomicLongArray(EventType.values().length);
    private volatile long published;
    /** Events handed to the sink (published counts generated ones, which fast-forward does not hand over). */
    private volatile long sent;
    private volatile String phase = "";

    public TrafficRunner(ShopSimulation simulation, EventSink sink, PrintStream log) {
        this.simulation = simulation;
        this.sink = sink;
        this.log = log;
    }

    /** Result of one phase. */
    public record PhaseResult(String phase, long events, long customers, long orders, long interactions, double seconds,
                              boolean completed) {
        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }
    }

    /** Publishes the whole history window in event-time order. */
    public PhaseResult publishHistory(BooleanSupplier stop) {
        return history("history", true, stop);
    }

    /** Generates the history without publishing it (live mode continuing a population published earlier). */
    public PhaseResult skipHistory(BooleanSupplier stop) {
        return history("fast-forward", false, stop);
    }

    private PhaseResult history(String name, boolean publish, BooleanSupplier stop) {
        long[] before = snapshot();
        long start = System.nanoTime();
        long end = simulation.historyEnd().toEpochMilli();
        phase = name;
        boolean completed = true;
        try (Reporter r = new Reporter(name, start, () -> {
            double f = simulation.registrationSchedule().workFraction(simulation.lastEventAt());
            return String.format(Locale.ROOT, "%5.1f%% | ETA %s | sim %s",
                    100 * f, eta(System.nanoTime() - start, f), SIM_DAY.format(Instant.ofEpochMilli(simulation.lastEventAt())));
        })) {
            long n = 0;
            EventEnvelope<?> e;
            while ((e = simulation.nextBefore(end)) != null) {
                if (publish) {
                    sink.publish(e);
                    sent++;
                    perType.incrementAndGet(e.eventType().ordinal());
                }
                published++;
                if ((++n & 1023) == 0 && stop.getAsBoolean()) {
                    completed = false;
                    break;
                }
            }
            if (publish) {
                sink.flush();
            }
        }
        return summary(name, before, start, completed);
    }

    /**
     * Publishes live traffic at about {@code rate} events/s with event time = now, until {@code duration} has
     * elapsed (null: until stopped).
     */
    public PhaseResult publishLive(double rate, Duration duration, BooleanSupplier stop) throws InterruptedException {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be > 0");
        }
        long[] before = snapshot();
        long start = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        phase = "live";
        boolean completed = true;
        Instant lastStamp = Instant.EPOCH;
        try (Reporter r = new Reporter("live", start, () ->
                "sim " + SIM_DAY.format(Instant.ofEpochMilli(simulation.lastEventAt()))
                        + " | " + simulation.customersRegistered() + " customers")) {
            long baseNanos = start;
            long sentSinceBase = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (stop.getAsBoolean()) {
                    completed = false;
                    break;
                }
                long due = (long) ((now - baseNanos) / 1e9 * rate);
                if (due - sentSinceBase > Math.max(rate, 100)) {
                    // fell behind by more than a second (slow broker, pause): do not burst to catch up
                    baseNanos = now;
                    sentSinceBase = 0;
                    due = 0;
                }
                if (sentSinceBase >= due) {
                    long nextDueNanos = baseNanos + (long) ((sentSinceBase + 1) / rate * 1e9);
                    long sleepNanos = Math.min(Math.max(nextDueNanos - now, 200_000L), 100_000_000L);
                    Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
                    continue;
                }
                while (sentSinceBase < due) {
                    EventEnvelope<?> e = simulation.next();
                    if (e == null) {
                        completed = true;
                        deadline = 0;
                        break;
                    }
                    Instant stamp = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    if (stamp.isBefore(lastStamp)) {
                        stamp = lastStamp; // the wall clock stepped back: keep event times non-decreasing
                    }
                    lastStamp = stamp;
                    sink.publish(Restamp.at(e, stamp));
                    sent++;
                    perType.incrementAndGet(e.eventType().ordinal());
                    published++;
                    sentSinceBase++;
                }
            }
            sink.flush();
        }
        return summary("live", before, start, completed);
    }

    private long[] snapshot() {
        long[] s = new long[perType.length() + 1];
        for (int i = 0; i < perType.length(); i++) {
            s[i] = perType.get(i);
        }
        s[perType.length()] = published;
        return s;
    }

    private PhaseResult summary(String name, long[] before, long startNanos, boolean completed) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] after = snapshot();
        long customers = 0;
        long orders = 0;
        long interactions = 0;
        for (EventType t : EventType.values()) {
            long n = after[t.ordinal()] - before[t.ordinal()];
            switch (t.topic()) {
                case "customers" -> customers += n;
                case "orders" -> orders += n;
                default -> interactions += n;
            }
        }
        long events = after[perType.length()] - before[perType.length()];
        PhaseResult result = new PhaseResult(name, events, customers, orders, interactions, seconds, completed);
        String heap = heapMb() + " MB heap";
        if (name.equals("fast-forward")) {
            log.printf(Locale.ROOT, "[%s] %s: %,d events generated (not published) in %.1f s; %s%n",
                    name, completed ? "done" : "stopped", events, seconds, heap);
        } else {
            log.printf(Locale.ROOT, "[%s] %s: %,d events in %.1f s (%,.0f events/s) -> customers %,d, orders %,d, interactions %,d; "
                            + "%,d customers registered, %,d dropped out, %,d in memory; %s%n",
                    name, completed ? "done" : "stopped", events, seconds, result.eventsPerSecond(), customers, orders,
                    interactions, simulation.customersRegistered(), simulation.customersDroppedOut(),
                    simulation.customersInMemory(), heap);
        }
        return result;
    }

    /** Events published per event type over the whole run. */
    public long published(EventType type) {
        return perType.get(type.ordinal());
    }

    static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    static String eta(long elapsedNanos, double fraction) {
        if (fraction <= 0.001) {
            return "?";
        }
        long s = (long) (elapsedNanos / 1e9 * (1 - fraction) / fraction);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : s + "s";
    }

    /** Prints a progress line every two seconds from a daemon thread while a phase runs. */
    private final class Reporter implements AutoCloseable {
        private final Thread thread;
        private volatile boolean done;

        Reporter(String name, long startNanos, java.util.function.Supplier<String> detail) {
            long startCount = published;
            thread = new Thread(() -> {
                long lastCount = startCount;
                long lastNanos = startNanos;
                long lastAcked = -1;
                long stalledSince = 0;
                while (!done) {
                    try {
                        Thread.sleep(REPORT_EVERY_NANOS / 1_000_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (done) {
                        return;
                    }
                    long now = System.nanoTime();
                    long count = published;
                    double rate = (count - lastCount) / ((now - lastNanos) / 1e9);
                    long acked = sink.acknowledged();
                    long pending = sent - acked;
                    stalledSince = acked != lastAcked || pending == 0 ? 0 : stalledSince == 0 ? now : stalledSince;
                    lastAcked = acked;
                    String stall = stalledSince == 0 ? "" : String.format(Locale.ROOT,
                            " | broker has acknowledged nothing for %.0f s (%,d pending)", (now - stalledSince) / 1e9 + 2, pending);
                    log.printf(Locale.ROOT, "[%s] %,d events | %,.0f events/s | %s | %,d in memory | %,d MB heap%s%n",
                            name, count - startCount, rate, detail.get(), simulation.customersInMemory(), heapMb(), stall);
                    lastCount = count;
                    lastNanos = now;
                }
            }, "simulator-progress");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }
}
