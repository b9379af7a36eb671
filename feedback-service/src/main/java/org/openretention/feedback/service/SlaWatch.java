package org.openretention.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Records the first-contact breaches as they happen ({@link Complaints#sweepBreaches}), every
 * {@code feedback.complaints.sla-sweep-every} (15 s by default): a breach shows in the queue and is published at most
 * that long after its deadline.
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);

    @Inject
    Complaints complaints;
    @Inject
    Clock clock;

    @Scheduled(every = "${feedback.complaints.sla-sweep-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int breaches;
        do {
            breaches = complaints.sweepBreaches(clock.instant());
            if (breaches > 0) {
                LOG.infof("%d complaint(s) breached their first-contact deadline", breaches);
            }
        } while (breaches == Complaints.SWEEP_BATCH);
    }
}
