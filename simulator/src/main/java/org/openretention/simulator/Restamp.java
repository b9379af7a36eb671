package org.openretention.simulator;

import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.customers.CustomerRegistered;

import java.time.Instant;

/** Moves an event to another event time (live mode publishes with the wall clock); a registration moves with it. */
public final class Restamp {

    private Restamp() {
    }

    public static EventEnvelope<?> at(EventEnvelope<?> e, Instant occurredAt) {
        EventPayload payload = e.payload();
        if (payload instanceof CustomerRegistered r) {
            payload = new CustomerRegistered(occurredAt, r.email(), r.name(), r.phone(), r.birthday(), r.locale(),
                    r.country(), r.referralCode(), r.referredByCode(), r.consents());
        }
        return new EventEnvelope<>(e.eventId(), e.type(), e.schemaVersion(), occurredAt, e.customerId(), e.source(), payload);
    }
}
