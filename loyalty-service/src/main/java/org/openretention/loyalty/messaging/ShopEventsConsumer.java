package org.openretention.loyalty.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openretention.events.Topics;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.platform.messaging.EventIntake;

/**
 * Takes in the shop's customers, orders and interactions. The platform kit's intake validates, dead-letters and
 * de-duplicates; {@link LoyaltyIntake} applies each batch to the ledger in one transaction.
 */
@ApplicationScoped
public class ShopEventsConsumer {

    @Inject
    EventIntake intake;
    @Inject
    LoyaltyIntake loyalty;

    @Incoming(Topics.CUSTOMERS)
    @Blocking
    public void customers(ConsumerRecords<String, byte[]> records) {
        intake.accept(Topics.CUSTOMERS, records, loyalty);
    }

    @Incoming(Topics.ORDERS)
    @Blocking
    public void orders(ConsumerRecords<String, byte[]> records) {
        intake.accept(Topics.ORDERS, records, loyalty);
    }

    @Incoming(Topics.INTERACTIONS)
    @Blocking
    public void interactions(ConsumerRecords<String, byte[]> records) {
        intake.accept(Topics.INTERACTIONS, records, loyalty);
    }
}
