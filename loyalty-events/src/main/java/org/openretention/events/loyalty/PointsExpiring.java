package org.openretention.events.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * Points of a member will expire soon: published by loyalty-service on {@code loyalty-events} 30 days before
 * {@code expiresAt}, so that campaigns can remind the member. The envelope's {@code customerId} is the member.
 *
 * @param points    points that will expire at {@code expiresAt} unless spent, >= 1
 * @param expiresAt when they expire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsExpiring(long points, Instant expiresAt) implements EventPayload {
}
