package org.openretention.events.orders;

import java.math.BigDecimal;

/** One line of an order; {@code unitPrice} is in the order's currency. */
public record OrderItem(String sku, String category, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
