package org.openretention.events.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A purchasing customer's RFM segment changed. Published by segmentation-service on {@code segment-events}; the
 * envelope's {@code customerId} is the customer. The scores are quintiles of the purchasing customers as of
 * {@code asOf}, 1 (worst fifth) to 5 (best fifth).
 *
 * @param from      the previous segment; absent when the customer gets a first segment (first order)
 * @param to        the new segment
 * @param recency   days since the last order, >= 0
 * @param frequency completed orders, >= 1
 * @param monetary  net spend, all time, >= 0, in {@code currency}
 * @param currency  ISO 4217 code of {@code monetary} (the reporting currency of segmentation-service)
 * @param r         recency score, 1..5
 * @param f         frequency score, 1..5
 * @param m         monetary score, 1..5
 * @param asOf      the time the scores were computed at
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RfmSegmentChanged(
        RfmSegment from,
        RfmSegment to,
        int recency,
        int frequency,
        BigDecimal monetary,
        String currency,
        int r,
        int f,
        int m,
        Instant asOf) implements EventPayload {
}
