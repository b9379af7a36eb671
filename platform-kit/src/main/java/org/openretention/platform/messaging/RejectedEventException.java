package org.openretention.platform.messaging;

/**
 * Thrown by an event handler for an event that is well-formed but can never be applied (for example a refund
 * in another currency than its order). The intake sends it to the dead-letter topic at once instead of retrying.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
