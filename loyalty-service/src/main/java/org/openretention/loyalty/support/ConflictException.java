package org.openretention.loyalty.support;

/**
 * A use case refused a change that would break a rule of the programme or of the catalogue (a rank held twice, a
 * reward out of stock, not enough points); the API answers 409 with the message as the detail.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
