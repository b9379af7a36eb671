package org.openretention.platform.messaging;

/**
 * Ends a batch's transaction for a reason that applying the same batch again resolves: the intake rolls it back and
 * applies the batch again at once, with its events claimed before anything else (see {@link EventIntake}). Thrown
 * when an assumption made to save a round trip to the database turns out wrong: that every event of the batch
 * is new, or that something kept in memory (the loyalty programme, say) is still the stored version.
 */
public class RetryBatchException extends RuntimeException {

    private final boolean repeatedEvents;

    public RetryBatchException(String reason) {
        this(reason, false);
    }

    RetryBatchException(String reason, boolean repeatedEvents) {
        super(reason, null, false, false);
        this.repeatedEvents = repeatedEvents;
    }

    /** Whether the batch held events processed before (a redelivery, which tends to come in runs of batches). */
    public boolean repeatedEvents() {
        return repeatedEvents;
    }
}
