package org.openretention.events.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;
import java.util.List;

/**
 * A browsing session (product views and cart adds) ended without an order: the trigger of browse-abandonment
 * campaigns. Published by segmentation-service on {@code segment-events} once per session, when the order window
 * after its last activity closed; the envelope's {@code customerId} is the customer.
 *
 * @param sessionStartedAt the session's first view or cart add; identifies the session
 * @param lastActivityAt   the session's last view or cart add
 * @param productIds       the products viewed or added to the cart, in the order first seen, without repeats; may
 *                         be empty (the shop sent no sku); never null
 * @param cartAdds         cart adds of the session, >= 0
 * @param views            product views of the session, >= 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrowseAbandoned(
        Instant sessionStartedAt,
        Instant lastActivityAt,
        List<String> productIds,
        int cartAdds,
        int views) implements EventPayload {

    public BrowseAbandoned {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }

    public boolean hasCartAdds() {
        return cartAdds > 0;
    }
}
