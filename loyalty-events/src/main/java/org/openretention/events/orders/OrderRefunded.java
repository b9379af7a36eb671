package org.openretention.events.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.math.BigDecimal;

/**
 * Money of a completed order was returned to the customer.
 *
 * @param orderId      the refunded order
 * @param refundId     the shop's id of this refund (an order can be refunded several times, partially)
 * @param refundAmount the amount returned by this refund, in {@code currency}
 * @param currency     ISO 4217 code
 * @param fullRefund   true when the whole order was refunded
 * @param reason       free-text reason, if the shop records one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderRefunded(
        String orderId,
        String refundId,
        BigDecimal refundAmount,
        String currency,
        boolean fullRefund,
        String reason) implements EventPayload {
}
