package org.openretention.events.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer looks likely to stop buying: the trigger of win-back campaigns. Published by segmentation-service on
 * {@code segment-events}; the envelope's {@code customerId} is the customer.
 *
 * @param probabilityAlive the model's probability that the customer is still "alive" (will buy again), 0..1; absent
 *                         when no purchase model is fitted (present exactly when {@code model} is)
 * @param rule             why the customer was flagged
 * @param threshold        the probability threshold the customer fell below, 0..1; present for
 *                         {@link ChurnRule#PROBABILITY_ALIVE_BELOW_THRESHOLD}, which also needs the probability
 * @param expectedClv12m   expected value of the customer's purchases over the next 12 months, >= 0, in
 *                         {@code currency}; absent when no value model is fitted
 * @param currency         ISO 4217 code of {@code expectedClv12m}; present exactly when it is
 * @param model            the purchase model {@code probabilityAlive} comes from; present exactly when it is
 * @param asOf             the time the probability was computed at
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChurnRiskFlagged(
        Double probabilityAlive,
        ChurnRule rule,
        Double threshold,
        BigDecimal expectedClv12m,
        String currency,
        ChurnModel model,
        Instant asOf) implements EventPayload {
}
