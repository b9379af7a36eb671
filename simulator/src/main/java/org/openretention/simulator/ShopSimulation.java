package org.openretention.simulator;

import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.EventType;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * The shop's traffic as one stream of events in event-time order. Customers register in id order at the times of
 * the {@link RegistrationSchedule}; each registered customer waits in a priority queue keyed by the time of its next
 * action (ties broken by customer index), so events come out globally ordered by {@code occurredAt} while only one
 * small state per live customer is kept: nothing is buffered, and customers who have dropped out and have nothing
 * left to do are forgotten. A referrer is therefore always registered (and still active) before the referee.
 *
 * <p>The stream does not end at the end of the history: after {@code now} it goes on with the same customers and
 * with new ones registering at the final rate, which is what live mode publishes (re-stamped with the wall clock).
 * The same configuration always yields the same events, event ids included.
 */
public final class ShopSimulation {

    private static final int ADVOCATE_POOL = 2048;
    private static final int REFERRER_TRIES = 8;

    private final SimulationConfig config;
    private final Catalogue catalogue;
    private final RegistrationSchedule schedule;
    private final GroundTruth truth;
    private final long historyEnd;
    private final PriorityQueue<CustomerBehaviour> queue = new PriorityQueue<>(1024, ShopSimulation::compare);
    private final CustomerBehaviour[] advocates = new CustomerBehaviour[ADVOCATE_POOL];
    private final EventPayload[] registrationOut = new EventPayload[1];
    private long advocatesAdded;
    private int nextIndex;
    private long nextRegistrationAt;
    private long lastEventAt;
    private long events;
    private long registered;
    private long droppedOut;

    public ShopSimulation(SimulationConfig config) {
        this(config, new Catalogue());
    }

    public ShopSimulation(SimulationConfig config, Catalogue catalogue) {
        this.config = config;
        this.catalogue = catalogue;
        this.schedule = new RegistrationSchedule(config);
        this.truth = new GroundTruth(config.customers());
        this.historyEnd = config.nowMillis();
        this.nextRegistrationAt = schedule.timeOf(0);
        this.lastEventAt = config.startMillis();
    }

    private static int compare(CustomerBehaviour a, CustomerBehaviour b) {
        int c = Long.compare(a.nextAt, b.nextAt);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    }

    /** The next event, however far in the future (live mode); null only if nothing can happen any more. */
    public EventEnvelope<?> next() {
        return nextBefore(Long.MAX_VALUE);
    }

    /** The next event if it happens before {@code bound} (epoch ms), else null and nothing is consumed. */
    public EventEnvelope<?> nextBefore(long bound) {
        while (true) {
            CustomerBehaviour head = queue.peek();
            boolean registrationFirst = head == null
                    || nextRegistrationAt < head.nextAt
                    || (nextRegistrationAt == head.nextAt && nextIndex < head.index);
            if (registrationFirst) {
                if (nextRegistrationAt >= bound || nextRegistrationAt == CustomerBehaviour.NEVER) {
                    return null;
                }
                return register();
            }
            if (head.nextAt >= bound) {
                return null;
            }
            queue.poll();
            long t = head.nextAt;
            EventPayload payload = head.step(this);
            head.refreshNextAt();
            if (!head.finished()) {
                queue.add(head);
            }
            if (payload != null) {
                return envelope(head, t, payload);
            }
        }
    }

    /** The events of the history window [now - days, now), in order. */
    public Iterator<EventEnvelope<?>> history() {
        return new Iterator<>() {
            private EventEnvelope<?> ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = nextBefore(historyEnd);
                }
                return ahead != null;
            }

            @Override
            public EventEnvelope<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                EventEnvelope<?> e = ahead;
                ahead = null;
                return e;
            }
        };
    }

    private EventEnvelope<?> register() {
        int index = nextIndex;
        long at = nextRegistrationAt;
        CustomerBehaviour c = CustomerBehaviour.register(index, at, this, registrationOut);
        registered++;
        nextIndex++;
        nextRegistrationAt = nextIndex == Integer.MAX_VALUE ? CustomerBehaviour.NEVER : schedule.timeOf(nextIndex);
        if (!c.finished()) {
            queue.add(c);
        }
        EventPayload payload = registrationOut[0];
        registrationOut[0] = null;
        return envelope(c, at, payload);
    }

    private EventEnvelope<?> envelope(CustomerBehaviour c, long at, EventPayload payload) {
        EventType type = EventType.of(payload);
        long hi = (c.rng.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (c.rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        events++;
        lastEventAt = at;
        return new EventEnvelope<>(new UUID(hi, lo), type.typeName(), type.schemaVersion(), Instant.ofEpochMilli(at),
                c.customerId, config.source(), payload);
    }

    // ------------------------------------------------------------------------------ called by customers

    SimulationConfig config() {
        return config;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    RegistrationSchedule schedule() {
        return schedule;
    }

    /** An active, earlier-registered customer who recently shared or praised something, or null. */
    CustomerBehaviour pickReferrer(CustomerRandom rng, long at) {
        int pool = (int) Math.min(advocatesAdded, ADVOCATE_POOL);
        if (pool == 0) {
            return null;
        }
        for (int i = 0; i < REFERRER_TRIES; i++) {
            CustomerBehaviour c = advocates[rng.nextInt(pool)];
            if (c != null && !c.dropped && c.registeredAt < at) {
                return c;
            }
        }
        return null;
    }

    void advocate(CustomerBehaviour c) {
        advocates[(int) (advocatesAdded++ % ADVOCATE_POOL)] = c;
    }

    void recordRegistration(CustomerBehaviour c, CustomerBehaviour referrer) {
        if (c.index < truth.size() && c.registeredAt < historyEnd) {
            truth.registered(c.index, c.registeredAt, c.purchaseRate, c.dropoutProbability, c.priceSensitive(),
                    c.market.currency, referrer != null ? referrer.index : -1);
        }
    }

    void recordOrder(CustomerBehaviour c, long at) {
        if (c.index < truth.size() && at < historyEnd) {
            truth.ordered(c.index);
        }
    }

    void recordDropout(CustomerBehaviour c, long at) {
        droppedOut++;
        if (c.index < truth.size() && at < historyEnd) {
            truth.droppedOut(c.index, at);
        }
    }

    // ------------------------------------------------------------------------------ observation

    /** Per-customer ground truth of the history window (complete once the history has been consumed). */
    public GroundTruth truth() {
        return truth;
    }

    public RegistrationSchedule registrationSchedule() {
        return schedule;
    }

    public Instant historyEnd() {
        return Instant.ofEpochMilli(historyEnd);
    }

    /** Event time of the last event handed out (epoch ms). */
    public long lastEventAt() {
        return lastEventAt;
    }

    public long eventsGenerated() {
        return events;
    }

    public long customersRegistered() {
        return registered;
    }

    public long customersDroppedOut() {
        return droppedOut;
    }

    /** Customers currently simulated (registered and not yet finished). */
    public int customersInMemory() {
        return queue.size();
    }
}
