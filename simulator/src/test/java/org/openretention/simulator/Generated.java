package org.openretention.simulator;

import org.openretention.events.EventEnvelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test helper: runs a simulation's history to the end and keeps the events. */
final class Generated {

    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    final SimulationConfig config;
    final ShopSimulation simulation;
    final List<EventEnvelope<?>> events = new ArrayList<>();

    Generated(SimulationConfig config) {
        this.config = config;
        this.simulation = new ShopSimulation(config);
        Iterator<EventEnvelope<?>> it = simulation.history();
        while (it.hasNext()) {
            events.add(it.next());
        }
    }

    static Generated of(long seed, int customers, int days) {
        return new Generated(SimulationConfig.of(seed, customers, NOW, days));
    }
}
