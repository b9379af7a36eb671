package org.openretention.loyalty.support;

/** A use case was asked about something that does not exist (a tier, a reward, a member); the API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
