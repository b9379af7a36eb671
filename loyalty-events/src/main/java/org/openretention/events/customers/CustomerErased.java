package org.openretention.events.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * The customer exercised the right to be forgotten: every service removes the customer's personal data and
 * keeps at most anonymised aggregates.
 *
 * @param requestedAt when the erasure was requested
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerErased(Instant requestedAt) implements EventPayload {
}
