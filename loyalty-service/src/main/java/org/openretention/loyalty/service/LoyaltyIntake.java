package org.openretention.loyalty.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.member.MemberStore;
import org.openretention.loyalty.member.EventRejected;
import org.openretention.loyalty.member.MemberSession;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;
import org.openretention.platform.messaging.Outbox;
import org.openretention.platform.messaging.RejectedEventException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of shop events to the loyalty ledger in the intake's transaction: loads the members of the
 * batch with a few queries, applies each event in order to its member, saves with JDBC batches and puts the
 * resulting events in the outbox. Called with events never applied before (the intake de-duplicates).
 */
@ApplicationScoped
@EventConsumer(name = LoyaltyIntake.CONSUMER, topics = {Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS})
public class LoyaltyIntake implements EventHandler {

    /** The ledger's consumer name: its processed-event claims and consumer group ({@code loyalty-service.ledger}). */
    public static final String CONSUMER = "ledger";

    private final MemberStore store;
    private final ProgrammeRepository programmes;
    private final Outbox outbox;
    private final Erasures erasures;

    @Inject
    public LoyaltyIntake(MemberStore store, ProgrammeRepository programmes, Outbox outbox, Erasures erasures) {
        this.store = store;
        this.programmes = programmes;
        this.outbox = outbox;
        this.erasures = erasures;
    }

    @Override
    public void apply(EventEnvelope<?> event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<EventEnvelope<?>> events) {
        Programme programme = programmes.current();
        Set<String> customers = new HashSet<>();
        Map<String, Set<String>> namedOrders = new HashMap<>();
        Instant earliest = null;
        boolean interactions = false;
        for (EventEnvelope<?> event : events) {
            customers.add(event.customerId());
            interactions |= event.payload() instanceof InteractionRecorded;
            if (event.payload() instanceof OrderRefunded refund) {
                namedOrders.computeIfAbsent(event.customerId(), k -> new HashSet<>()).add(refund.orderId());
            } else if (event.payload() instanceof OrderCancelled cancelled) {
                namedOrders.computeIfAbsent(event.customerId(), k -> new HashSet<>()).add(cancelled.orderId());
            }
            earliest = earliest == null || event.occurredAt().isBefore(earliest) ? event.occurredAt() : earliest;
        }
        // requalifications inside the batch look back a year from dates up to a year after the member's last event
        Instant ordersSince = earliest.atZone(programme.zone()).minusMonths(MemberStore.ORDER_HORIZON_MONTHS).toInstant();
        // daily caps are counted per day: only interactions read the counters
        LocalDate activitySince = interactions ? earliest.atZone(programme.zone()).toLocalDate() : null;
        Map<String, MemberSession> sessions = new LinkedHashMap<>(store.load(customers, ordersSince, namedOrders, activitySince, programme));
        // an erased customer has no member row: only customers the programme does not know can be on the erased list
        Set<String> unknown = new HashSet<>(customers);
        unknown.removeAll(sessions.keySet());
        Set<String> forgotten = unknown.isEmpty() ? new HashSet<>() : new HashSet<>(erasures.erasedAmong(unknown));

        for (EventEnvelope<?> event : events) {
            String customer = event.customerId();
            if (forgotten.contains(customer)) {
                continue;
            }
            if (event.payload() instanceof CustomerErased) {
                sessions.remove(customer);
                erasures.erase(customer, event.occurredAt());
                forgotten.add(customer);
                continue;
            }
            MemberSession session = sessions.computeIfAbsent(customer,
                    id -> MemberSession.enrol(id, event.occurredAt(), programme, event.eventId().toString()));
            try {
                session.apply(event);
            } catch (EventRejected e) {
                // the intake sends a rejected event to the dead-letter topic at once instead of retrying it
                throw new RejectedEventException(e.getMessage());
            }
        }
        save(sessions.values());
    }

    /** Saves sessions and publishes what they decided, in the caller's transaction. */
    public void save(java.util.Collection<MemberSession> sessions) {
        store.save(sessions);
        List<EventEnvelope<?>> published = new ArrayList<>();
        for (MemberSession session : sessions) {
            published.addAll(session.outbox());
        }
        outbox.publishAll(Topics.LOYALTY_EVENTS, published);
    }
}
