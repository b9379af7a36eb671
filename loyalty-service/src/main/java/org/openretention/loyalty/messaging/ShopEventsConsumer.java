package org.openretention.loyalty.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.platform.messaging.EventIntake;

/**
 * Takes in the shop's customers, orders and interactions topics. The platform kit's intake validates,
 * dead-letters and de-duplicates; the loyalty use cases are attached to {@link #apply} as they are built.
 */
@ApplicationScoped
public class ShopEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ShopEventsConsumer.class);

    @Inject
    EventIntake intake;

    @Incoming(Topics.CUSTOMERS)
    @Blocking
    public void customers(ConsumerRecords<String, byte[]> records) {
        intake.accept(Topics.CUSTOMERS, records, this::apply);
    }

    @Incoming(Topics.ORDERS)
    @Blocking
    public void orders(ConsumerRecords<String, byte[]> records) {
        intake.accept(Topics.ORDERS, records, this::apply);
    }

    @Incoming(Topics.INTERACTIONS)
    @Blocking
    public void interactions(ConsumerRecords<String, byte[]> records) {
        intake.accept(Topics.INTERACTIONS, records, this::apply);
    }

    void apply(EventEnvelope<?> event) {
        LOG.debugf("%s %s for %s at %s", event.type(), event.eventId(), event.customerId(), event.occurredAt());
    }
}
