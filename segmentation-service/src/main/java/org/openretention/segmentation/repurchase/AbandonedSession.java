package org.openretention.segmentation.repurchase;

import java.time.Instant;
import java.util.List;

/**
 * A browsing session that ended without an order.
 *
 * @param startedAt   the session's first view or cart add; identifies the session, so it is published once
 * @param lastEventAt the session's last view or cart add
 * @param abandonedAt when the order window closed without an order: {@code lastEventAt} plus the window
 * @param productViews the product views of the session
 * @param cartAdds    the cart adds of the session
 * @param products    the products viewed or added, in the order first seen, without repeats
 */
public record AbandonedSession(Instant startedAt, Instant lastEventAt, Instant abandonedAt, int productViews,
                               int cartAdds, List<String> products) {

    public AbandonedSession {
        products = List.copyOf(products);
    }

    public boolean hasCartAdds() {
        return cartAdds > 0;
    }
}
