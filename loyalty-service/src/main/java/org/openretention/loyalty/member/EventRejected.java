package org.openretention.loyalty.member;

/**
 * An event that is well-formed but can never be applied to the member (a refund or cancellation of an order the
 * programme never saw completed): applying it again cannot succeed, so it should not be retried.
 */
public class EventRejected extends RuntimeException {

    public EventRejected(String reason) {
        super(reason);
    }
}
