package org.openretention.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each test starts from a valid encoded event, breaks one thing and checks that decoding rejects it naming the
 * offending field; {@link #theUnbrokenEventsAreValid()} shows the starting points are valid, so a rejection is
 * caused by the change under test.
 */
class EventCodecValidationTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void theUnbrokenEventsAreValid() {
        for (ObjectNode event : List.of(orderCompleted(), orderRefunded(), review(), serviceContact(), customerRegistered())) {
            assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();
        }
    }

    // --- envelope --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "type", "schemaVersion", "occurredAt", "customerId", "source", "payload"})
    void missingEnvelopeFieldIsRejectedByName(String field) {
        assertRejected(orderCompleted(), e -> e.remove(field), "$." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "source"})
    void blankCustomerIdOrSourceIsRejected(String field) {
        assertRejected(orderCompleted(), e -> e.put(field, ""), "$." + field);
        assertRejected(orderCompleted(), e -> e.put(field, "   "), "$." + field);
    }

    @Test
    void unknownTypeIsRejected() {
        List<String> problems = rejected(orderCompleted(), e -> e.put("type", "OrderTeleported"));
        assertThat(problems).singleElement().asString().startsWith("$.type:").contains("OrderTeleported");
    }

    @Test
    void typeThatIsNotAStringIsRejected() {
        assertRejected(orderCompleted(), e -> e.put("type", 7), "$.type");
    }

    @Test
    void schemaVersionMustBeAKnownPositiveInteger() {
        assertRejected(orderCompleted(), e -> e.put("schemaVersion", 0), "$.schemaVersion");
        assertRejected(orderCompleted(), e -> e.put("schemaVersion", "1"), "$.schemaVersion");
        // a breaking change bumps the version: a consumer that only knows version 1 must not misread version 2
        assertRejected(orderCompleted(), e -> e.put("schemaVersion", EventType.ORDER_COMPLETED.schemaVersion() + 1), "$.schemaVersion");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-03-14",                    // date only
            "2025-03-14T09:26:53",           // no zone
            "2025-03-14T09:26Z",             // no seconds
            "2025-03-14 09:26:53Z",          // space instead of T
            "2025-03-14T09:26:53+08:00",     // not UTC
            "2025-13-01T09:26:53Z",          // month 13
            "2025-02-30T09:26:53Z",          // 30 February: matches the pattern, only the asserted format catches it
            "2025-03-14T24:30:00Z",          // hour 24: same
            "1741944413",                    // epoch seconds
            "yesterday",
            ""})
    void malformedOccurredAtIsRejected(String occurredAt) {
        assertRejected(orderCompleted(), e -> e.put("occurredAt", occurredAt), "$.occurredAt");
    }

    @Test
    void occurredAtAsANumberIsRejected() {
        assertRejected(orderCompleted(), e -> e.put("occurredAt", 1741944413L), "$.occurredAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-14T09:26:53Z", "2025-03-14T09:26:53.1Z", "2025-03-14T09:26:53.123456789Z", "2025-03-14T09:26:53+00:00"})
    void utcTimestampsAreAccepted(String occurredAt) throws InvalidEventException {
        ObjectNode event = orderCompleted();
        event.put("occurredAt", occurredAt);

        assertThat(CODEC.decode(event.toString()).occurredAt()).isEqualTo(java.time.Instant.parse(occurredAt));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not-a-uuid",
            "1-1-1-1-1",                                 // java.util.UUID.fromString would accept this one
            "3f1e4c528a0b4d579c3e2b7f1a6d9e10",          // no hyphens
            "3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e1",       // one digit short
            "3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10x",
            "{3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10}",
            "3g1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10",      // not hexadecimal
            ""})
    void malformedEventIdIsRejected(String eventId) {
        assertRejected(orderCompleted(), e -> e.put("eventId", eventId), "$.eventId");
    }

    // --- JSON itself -------------------------------------------------------------------------------------------

    @Test
    void badJsonIsRejected() {
        String truncated = orderCompleted().toString();
        truncated = truncated.substring(0, truncated.length() - 5);

        assertThat(problemsOf(truncated)).singleElement().asString().startsWith("$: not valid JSON");
        assertThat(problemsOf("{\"type\": OrderCompleted}")).singleElement().asString().startsWith("$: not valid JSON");
    }

    @Test
    void emptyNullOrNonObjectRecordIsRejected() {
        assertThat(problemsOf("")).singleElement().asString().startsWith("$:");
        assertThat(catchThrowableOfType(InvalidEventException.class, () -> CODEC.decode((byte[]) null)).problems())
                .singleElement().asString().startsWith("$:");
        assertThat(catchThrowableOfType(InvalidEventException.class, () -> CODEC.decode((String) null)).problems())
                .singleElement().asString().startsWith("$:");
        assertThat(problemsOf("[1,2]")).singleElement().asString().contains("JSON object");
        assertThat(problemsOf("\"OrderCompleted\"")).singleElement().asString().contains("JSON object");
    }

    // --- OrderCompleted ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"orderId", "amount", "currency", "items"})
    void missingRequiredOrderFieldIsRejectedByName(String field) {
        assertRejected(orderCompleted(), e -> payload(e).remove(field), "$.payload." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sku", "category", "quantity", "unitPrice"})
    void missingRequiredItemFieldIsRejectedByName(String field) {
        assertRejected(orderCompleted(), e -> item(e, 1).remove(field), "$.payload.items[1]." + field);
    }

    @Test
    void amountAsAStringIsRejected() {
        assertRejected(orderCompleted(), e -> payload(e).put("amount", "abc"), "$.payload.amount");
        // money is a JSON number, even when the string holds one
        assertRejected(orderCompleted(), e -> payload(e).put("amount", "19.99"), "$.payload.amount");
    }

    @Test
    void fractionalQuantityIsRejected() {
        assertRejected(orderCompleted(), e -> item(e, 0).put("quantity", new java.math.BigDecimal("1.5")), "$.payload.items[0].quantity");
    }

    @Test
    void quantityBelowOneIsRejected() {
        assertRejected(orderCompleted(), e -> item(e, 0).put("quantity", 0), "$.payload.items[0].quantity");
    }

    @Test
    void negativeMoneyIsRejected() {
        assertRejected(orderCompleted(), e -> payload(e).put("amount", new java.math.BigDecimal("-0.01")), "$.payload.amount");
        assertRejected(orderCompleted(), e -> payload(e).put("discountAmount", -5), "$.payload.discountAmount");
        assertRejected(orderCompleted(), e -> item(e, 0).put("unitPrice", -1), "$.payload.items[0].unitPrice");
    }

    @Test
    void zeroMoneyIsAccepted() {
        ObjectNode event = orderCompleted();
        payload(event).put("amount", 0).put("discountAmount", 0);
        item(event, 0).put("unitPrice", 0);

        assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "Eur", "EURO", "EU", "€", ""})
    void currencyThatIsNotThreeUpperCaseLettersIsRejected(String currency) {
        assertRejected(orderCompleted(), e -> payload(e).put("currency", currency), "$.payload.currency");
    }

    @Test
    void itemsMustBeAnArrayOfObjects() {
        assertRejected(orderCompleted(), e -> payload(e).put("items", "sku-1"), "$.payload.items");
        assertRejected(orderCompleted(), e -> ((ArrayNode) payload(e).get("items")).add("sku-1"), "$.payload.items[2]");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<String> problems = rejected(orderCompleted(), e -> {
            payload(e).remove("orderId");
            payload(e).put("currency", "eur");
            e.remove("source");
        });
        assertThat(problems).anyMatch(p -> p.startsWith("$.payload.orderId:"))
                .anyMatch(p -> p.startsWith("$.payload.currency:"))
                .anyMatch(p -> p.startsWith("$.source:"));
    }

    // --- OrderRefunded -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"orderId", "refundAmount", "currency", "fullRefund"})
    void missingRequiredRefundFieldIsRejectedByName(String field) {
        assertRejected(orderRefunded(), e -> payload(e).remove(field), "$.payload." + field);
    }

    @Test
    void refundAmountMustBePositive() {
        assertRejected(orderRefunded(), e -> payload(e).put("refundAmount", 0), "$.payload.refundAmount");
        assertRejected(orderRefunded(), e -> payload(e).put("refundAmount", -3), "$.payload.refundAmount");
    }

    @Test
    void fullRefundMustBeABoolean() {
        assertRejected(orderRefunded(), e -> payload(e).put("fullRefund", "yes"), "$.payload.fullRefund");
    }

    // --- InteractionRecorded -----------------------------------------------------------------------------------

    @Test
    void reviewWithoutRatingIsRejected() {
        assertRejected(review(), e -> payload(e).remove("rating"), "$.payload.rating");
    }

    @Test
    void reviewWithoutTextIsRejected() {
        assertRejected(review(), e -> payload(e).remove("text"), "$.payload.text");
        assertRejected(review(), e -> payload(e).put("text", ""), "$.payload.text");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void ratingOutsideOneToFiveIsRejected(int rating) {
        assertRejected(review(), e -> payload(e).put("rating", rating), "$.payload.rating");
    }

    @Test
    void fractionalRatingIsRejected() {
        assertRejected(review(), e -> payload(e).put("rating", new java.math.BigDecimal("4.5")), "$.payload.rating");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void ratingAtTheBoundsIsAccepted(int rating) {
        ObjectNode event = review();
        payload(event).put("rating", rating);

        assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();
    }

    @Test
    void commentWithoutTextIsRejected() {
        assertRejected(review(), e -> {
            payload(e).put("kind", "COMMENT");
            payload(e).remove("rating");
            payload(e).remove("text");
        }, "$.payload.text");
    }

    @Test
    void serviceContactWithoutOrWithUnknownTouchpointIsRejected() {
        assertRejected(serviceContact(), e -> payload(e).remove("touchpoint"), "$.payload.touchpoint");
        assertRejected(serviceContact(), e -> payload(e).put("touchpoint", "PHONE"), "$.payload.touchpoint");
    }

    @Test
    void missingOrUnknownKindIsRejected() {
        assertRejected(review(), e -> payload(e).remove("kind"), "$.payload.kind");
        assertRejected(review(), e -> payload(e).put("kind", "review"), "$.payload.kind");
    }

    @Test
    void productInteractionsAndCheckInNeedNothingBeyondKind() {
        for (String kind : List.of("CHECK_IN", "PRODUCT_VIEW", "CART_ADD", "LIKE", "SHARE")) {
            ObjectNode event = review();
            ObjectNode payload = CODEC.objectMapper().createObjectNode().put("kind", kind);
            event.set("payload", payload);
            assertThatCode(() -> CODEC.decode(event.toString())).as(kind).doesNotThrowAnyException();
        }
    }

    @Test
    void unknownFieldsInAnInteractionAreIgnored() {
        ObjectNode event = review();
        payload(event).put("photoCount", 3).putObject("device").put("os", "android");
        event.put("partition", 4);

        assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();
    }

    // --- customers ---------------------------------------------------------------------------------------------

    @Test
    void registrationWithoutRegisteredAtIsRejected() {
        assertRejected(customerRegistered(), e -> payload(e).remove("registeredAt"), "$.payload.registeredAt");
    }

    @Test
    void registrationWithOnlyRegisteredAtIsAccepted() {
        ObjectNode event = customerRegistered();
        event.set("payload", CODEC.objectMapper().createObjectNode().put("registeredAt", "2025-03-14T09:26:50Z"));

        assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-02-30", "1990-13-01", "19900228", "1990-2-28", "28.02.1990", "1990-02-28T00:00:00Z"})
    void malformedBirthdayIsRejected(String birthday) {
        assertRejected(customerRegistered(), e -> payload(e).put("birthday", birthday), "$.payload.birthday");
    }

    @Test
    void consentsMustMapKnownChannelsToBooleans() {
        assertRejected(customerRegistered(), e -> ((ObjectNode) payload(e).get("consents")).put("EMAIL", "yes"), "$.payload.consents.EMAIL");
        assertRejected(customerRegistered(), e -> ((ObjectNode) payload(e).get("consents")).putNull("SMS"), "$.payload.consents.SMS");
        assertRejected(customerRegistered(), e -> ((ObjectNode) payload(e).get("consents")).put("FAX", true), "$.payload.consents");
        assertRejected(customerRegistered(), e -> payload(e).putArray("consents").add("EMAIL"), "$.payload.consents");
    }

    @Test
    void optionalFieldsAreOmittedNotNull() {
        assertRejected(customerRegistered(), e -> payload(e).putNull("email"), "$.payload.email");
    }

    @Test
    void countryMustBeAnAlpha2Code() {
        assertRejected(customerRegistered(), e -> payload(e).put("country", "CHN"), "$.payload.country");
    }

    @Test
    void erasureWithoutRequestedAtIsRejected() {
        ObjectNode event = customerRegistered();
        event.put("type", "CustomerErased");
        event.set("payload", CODEC.objectMapper().createObjectNode().put("requestedAt", "2025-03-14T09:00:00Z"));
        assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();

        assertRejected(event, e -> payload(e).remove("requestedAt"), "$.payload.requestedAt");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static ObjectNode orderCompleted() {
        return tree(CODEC.encode(SampleEvents.orderCompleted()));
    }

    private static ObjectNode orderRefunded() {
        return tree(CODEC.encode(SampleEvents.orderRefunded()));
    }

    private static ObjectNode review() {
        return tree(CODEC.encode(SampleEvents.review()));
    }

    private static ObjectNode serviceContact() {
        return tree(CODEC.encode(SampleEvents.serviceContact()));
    }

    private static ObjectNode customerRegistered() {
        return tree(CODEC.encode(SampleEvents.customerRegistered()));
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) CODEC.objectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    private static ObjectNode item(ObjectNode event, int index) {
        JsonNode items = payload(event).get("items");
        return (ObjectNode) items.get(index);
    }

    private static List<String> problemsOf(String json) {
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> CODEC.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("decoding %s should have been rejected", json).isNotNull();
        assertThat(e.problems()).isNotEmpty();
        return e.problems();
    }

    private static List<String> rejected(ObjectNode valid, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = valid.deepCopy();
        breakIt.accept(broken);
        return problemsOf(broken.toString());
    }

    /** Decoding the broken event fails, and one of the problems is about exactly {@code path}. */
    private static void assertRejected(ObjectNode valid, Consumer<ObjectNode> breakIt, String path) {
        List<String> problems = rejected(valid, breakIt);
        assertThat(problems).as("problems").anyMatch(p -> p.startsWith(path + ":") || p.startsWith(path + " "));
    }
}
