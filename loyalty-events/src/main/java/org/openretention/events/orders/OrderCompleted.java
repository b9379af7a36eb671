package org.openretention.events.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order was paid and completed.
 *
 * @param orderId        the shop's order id
 * @param amount         gross order amount before discounts, in {@code currency}
 * @param currency       ISO 4217 code
 * @param discountAmount total discount granted (coupons, promotions); 0 when none
 * @param couponCode     the coupon redeemed with this order, if any
 * @param items          order lines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderCompleted(
        String orderId,
        BigDecimal amount,
        String currency,
        BigDecimal discountAmount,
        String couponCode,
        List<OrderItem> items) implements EventPayload {

    public OrderCompleted {
        discountAmount = discountAmount == null ? BigDecimal.ZERO : discountAmount;
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** What the customer actually paid: amount minus discount. */
    public BigDecimal netAmount() {
        return amount.subtract(discountAmount);
    }
}
