package org.openretention.events.interactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

/**
 * Something a customer did other than buying. Which fields apply depends on {@code kind}:
 * <ul>
 *   <li>PRODUCT_VIEW, CART_ADD, LIKE, SHARE: {@code sku} and {@code category}</li>
 *   <li>REVIEW: {@code rating} (1-5) and {@code text} required, {@code sku}, {@code category}, {@code orderId}</li>
 *   <li>COMMENT: {@code text} required</li>
 *   <li>SERVICE_CONTACT: {@code touchpoint} required, {@code orderId} and {@code text} optional</li>
 *   <li>CHECK_IN: nothing else</li>
 * </ul>
 *
 * @param language BCP 47 language of {@code text} if the shop knows it (e.g. {@code zh}, {@code en})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionRecorded(
        InteractionKind kind,
        String sku,
        String category,
        Integer rating,
        String text,
        String language,
        ServiceTouchpoint touchpoint,
        String orderId) implements EventPayload {

    public static InteractionRecorded checkIn() {
        return new InteractionRecorded(InteractionKind.CHECK_IN, null, null, null, null, null, null, null);
    }

    public static InteractionRecorded onProduct(InteractionKind kind, String sku, String category) {
        return new InteractionRecorded(kind, sku, category, null, null, null, null, null);
    }

    public static InteractionRecorded review(String sku, String category, int rating, String text, String language, String orderId) {
        return new InteractionRecorded(InteractionKind.REVIEW, sku, category, rating, text, language, null, orderId);
    }

    public static InteractionRecorded comment(String sku, String category, String text, String language) {
        return new InteractionRecorded(InteractionKind.COMMENT, sku, category, null, text, language, null, null);
    }

    public static InteractionRecorded serviceContact(ServiceTouchpoint touchpoint, String orderId, String text, String language) {
        return new InteractionRecorded(InteractionKind.SERVICE_CONTACT, null, null, null, text, language, touchpoint, orderId);
    }
}
