package org.openretention.events.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * A customer's lifecycle stage changed. Published by segmentation-service on {@code segment-events}; the envelope's
 * {@code customerId} is the customer.
 *
 * @param from   the previous stage; absent when the customer gets a first stage
 * @param to     the new stage
 * @param asOf   the time the stage rules were evaluated at
 * @param reason why the customer is in the new stage, in plain English, e.g.
 *               {@code Last order 183 days ago (dormant from 180 days).}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleStageChanged(
        LifecycleStage from,
        LifecycleStage to,
        Instant asOf,
        String reason) implements EventPayload {
}
