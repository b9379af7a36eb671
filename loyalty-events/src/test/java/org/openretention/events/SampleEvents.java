package org.openretention.events;

import org.openretention.events.customers.ConsentChannel;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.interactions.ServiceTouchpoint;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Fully populated events of every type, for the codec tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final String CUSTOMER = "c-000123";
    static final String SOURCE = "shop-backend";

    private SampleEvents() {
    }

    static EventEnvelope<CustomerRegistered> customerRegistered() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, new CustomerRegistered(
                Instant.parse("2025-03-14T09:26:50Z"), "li.wei@example.com", "李伟", "+86 138 0013 8000",
                LocalDate.of(1990, 2, 28), "zh-CN", "CN", "LIWEI88", "ANNA2024",
                Map.of(ConsentChannel.EMAIL, true, ConsentChannel.SMS, false, ConsentChannel.APP_INBOX, true)));
    }

    static EventEnvelope<CustomerUpdated> customerUpdated() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, new CustomerUpdated(
                "wei.li@example.com", null, null, LocalDate.of(1990, 3, 1), "en-GB", "GB",
                Map.of(ConsentChannel.PUSH, true, ConsentChannel.EMAIL, false)));
    }

    static EventEnvelope<CustomerErased> customerErased() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, new CustomerErased(Instant.parse("2025-03-14T09:00:00Z")));
    }

    static EventEnvelope<OrderCompleted> orderCompleted() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, new OrderCompleted(
                "o-98765", new BigDecimal("259.80"), "CNY", new BigDecimal("20.00"), "SPRING20",
                List.of(new OrderItem("sku-tea-01", "tea", 2, new BigDecimal("119.90")),
                        new OrderItem("sku-cup-07", "tableware", 1, new BigDecimal("20.00")))));
    }

    static EventEnvelope<OrderRefunded> orderRefunded() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, new OrderRefunded(
                "o-98765", "r-555", new BigDecimal("119.90"), "CNY", false, "damaged in transit"));
    }

    static EventEnvelope<OrderCancelled> orderCancelled() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, new OrderCancelled("o-98766", "customer changed mind"));
    }

    static EventEnvelope<InteractionRecorded> review() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE,
                InteractionRecorded.review("sku-tea-01", "tea", 5, "茶很香，包装也很好！", "zh", "o-98765"));
    }

    static EventEnvelope<InteractionRecorded> comment() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE,
                InteractionRecorded.comment("sku-tea-01", "tea", "Does this come in a smaller tin?", "en"));
    }

    static EventEnvelope<InteractionRecorded> serviceContact() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE,
                InteractionRecorded.serviceContact(ServiceTouchpoint.DELIVERY, "o-98765", "The parcel arrived two days late.", "en"));
    }

    static EventEnvelope<InteractionRecorded> checkIn() {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, InteractionRecorded.checkIn());
    }

    static EventEnvelope<InteractionRecorded> onProduct(InteractionKind kind) {
        return EventEnvelope.of(CUSTOMER, AT, SOURCE, InteractionRecorded.onProduct(kind, "sku-cup-07", "tableware"));
    }

    /** One event of every type and every interaction kind. */
    static List<EventEnvelope<?>> all() {
        return List.of(customerRegistered(), customerUpdated(), customerErased(),
                orderCompleted(), orderRefunded(), orderCancelled(),
                review(), comment(), serviceContact(), checkIn(),
                onProduct(InteractionKind.PRODUCT_VIEW), onProduct(InteractionKind.CART_ADD),
                onProduct(InteractionKind.LIKE), onProduct(InteractionKind.SHARE));
    }
}
