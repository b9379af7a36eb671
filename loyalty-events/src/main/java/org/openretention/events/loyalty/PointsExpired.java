package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * Unspent points of a member expired. Published by loyalty-service on {@code loyalty-events}; the envelope's
 * {@code customerId} is the member whose points expired.
 *
 * @param points    points that expired, >= 1 (the unspent rest of the lots)
 * @param expiredAt the expiry time of those lots
 * @param lots      number of points lots that expired together, >= 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsExpired(long points, Instant expiredAt, int lots) implements EventPayload {
}
