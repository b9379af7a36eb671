package org.openretention.segmentation.repurchase;

import java.time.Instant;
import java.util.Objects;

/**
 * A product view or a cart add of one customer, from the interactions topic.
 *
 * @param productId the product (SKU); {@code null} when the shop did not say
 */
public record BrowseEvent(Instant at, Kind kind, String productId) {

    public enum Kind { PRODUCT_VIEW, CART_ADD }

    public BrowseEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
