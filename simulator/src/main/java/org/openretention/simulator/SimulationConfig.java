package org.openretention.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to simulate: the population (size, seed, model) and the history window, which ends at {@code now} and
 * starts {@code days} days before it.
 */
public record SimulationConfig(long seed, int customers, Instant now, int days, String source, ModelParameters model) {

    public SimulationConfig {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, got " + customers);
        }
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, got " + days);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public static SimulationConfig of(long seed, int customers, Instant now, int days) {
        return new SimulationConfig(seed, customers, now, days, "simulator", ModelParameters.defaults());
    }

    public Instant start() {
        return now.minus(Duration.ofDays(days));
    }

    public long startMillis() {
        return start().toEpochMilli();
    }

    public long nowMillis() {
        return now.toEpochMilli();
    }

    public SimulationConfig withModel(ModelParameters m) {
        return new SimulationConfig(seed, customers, now, days, source, m);
    }
}
