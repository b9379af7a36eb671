package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;
import org.openretention.platform.messaging.RejectedEventException;
import org.openretention.segmentation.profile.EventRejected;
import org.openretention.segmentation.profile.FactBatch;
import org.openretention.segmentation.profile.ReportingCurrency;
import org.openretention.segmentation.store.ProfileStore;

import java.util.List;

/**
 * Materialises customer profiles from the shop's and the loyalty programme's events, a batch at a time in the
 * intake's transaction: the batch's facts are merged ({@link FactBatch}) and stored, and the profiles of its
 * customers recomputed from their facts ({@link ProfileStore}), so the order the events arrive in, across topics or
 * within one, does not change a profile. Called with events never applied before (the intake de-duplicates).
 */
@ApplicationScoped
@EventConsumer(name = ProfileIntake.CONSUMER, topics = {Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS, Topics.LOYALTY_EVENTS})
public class ProfileIntake implements EventHandler {

    /** The profiles' consumer name: their processed-event claims and consumer group ({@code segmentation-service.profiles}). */
    public static final String CONSUMER = "profiles";

    private static final Logger LOG = Logger.getLogger(ProfileIntake.class);

    private final ProfileStore store;
    private final CustomerHashes hashes;
    private final ReportingCurrency currency;

    @Inject
    public ProfileIntake(ProfileStore store, CustomerHashes hashes, ReportingCurrency currency) {
        this.store = store;
        this.hashes = hashes;
        this.currency = currency;
    }

    @Override
    public void apply(EventEnvelope<?> event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<EventEnvelope<?>> events) {
        FactBatch batch = new FactBatch(currency);
        for (EventEnvelope<?> event : events) {
            try {
                batch.add(event);
            } catch (EventRejected e) {
                // the intake sends a rejected event to the dead-letter topic at once instead of retrying it
                throw new RejectedEventException(e.getMessage());
            }
        }
        store.save(batch, hashes.hashes(batch.customerIds()));
        if (!batch.erased().isEmpty()) {
            LOG.infof("Erased %d customer profile(s)", batch.erased().size());
        }
    }
}
