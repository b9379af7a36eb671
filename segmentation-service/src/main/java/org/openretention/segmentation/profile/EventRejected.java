package org.openretention.segmentation.profile;

/**
 * An event that is well-formed but can never be applied to a profile, such as an amount in a currency without an
 * exchange rate into the reporting currency. The intake dead-letters it with this message as the reason.
 */
public class EventRejected extends RuntimeException {

    public EventRejected(String reason) {
        super(reason);
    }
}
