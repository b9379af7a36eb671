package org.openretention.events.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

/** A completed order was cancelled as a whole (treated like a full refund). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderCancelled(String orderId, String reason) implements EventPayload {
}
