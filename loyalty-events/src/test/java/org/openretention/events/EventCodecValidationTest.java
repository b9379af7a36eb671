package org.openretention.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.CsatRecorded;
import org.openretention.events.feedback.DetractorIdentified;
import org.openretention.events.feedback.FeedbackAlert;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.NegativeReviewDetected;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.events.feedback.PromoterIdentified;
import org.openretention.events.feedback.RootCause;
import org.openretention.events.feedback.SentimentLabel;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.PointsRedeemed;
import org.openretention.events.loyalty.RewardRedeemed;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.segments.ChurnRiskFlagged;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.events.segments.RepurchaseDue;
import org.openretention.events.segments.RfmSegment;
import org.openretention.events.segments.RfmSegmentChanged;
import org.openretention.events.segments.TagsChanged;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
        for (EventType type : LOYALTY_TYPES) {
            assertThatCode(() -> CODEC.decode(sample(type).toString())).as(type.name()).doesNotThrowAnyException();
        }
        for (EventType type : SEGMENT_TYPES) {
            assertThatCode(() -> CODEC.decode(sample(type).toString())).as(type.name()).doesNotThrowAnyException();
        }
        for (EventType type : FEEDBACK_TYPES) {
            assertThatCode(() -> CODEC.decode(sample(type).toString())).as(type.name()).doesNotThrowAnyException();
        }
        assertThatCode(() -> CODEC.decode(csatResponse().toString())).doesNotThrowAnyException();
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

    // --- loyalty-events ----------------------------------------------------------------------------------------

    private static final List<EventType> LOYALTY_TYPES = Stream.of(EventType.values())
            .filter(t -> t.topic().equals(Topics.LOYALTY_EVENTS)).toList();

    static Stream<Arguments> requiredLoyaltyFields() {
        return Stream.of(
                arguments(EventType.POINTS_EARNED, List.of("lotId", "source", "points", "reason", "availableAt", "expiresAt", "causeId")),
                arguments(EventType.POINTS_REDEEMED, List.of("redemptionId", "points", "availablePointsAfter")),
                arguments(EventType.POINTS_EXPIRED, List.of("points", "expiredAt", "lots")),
                arguments(EventType.POINTS_EXPIRING, List.of("points", "expiresAt")),
                arguments(EventType.TIER_CHANGED, List.of("toTier", "reason", "qualifyingSpend", "currency")),
                arguments(EventType.REWARD_REDEEMED, List.of("redemptionId", "rewardId", "rewardName", "rewardType", "pointsCost")),
                arguments(EventType.REFERRAL_CONVERTED, List.of("refereeId", "referralCode", "qualifyingOrderId", "referrerPoints", "refereePoints")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredLoyaltyFields")
    void missingRequiredLoyaltyFieldIsRejectedByName(EventType type, List<String> fields) {
        for (String field : fields) {
            assertRejected(sample(type), e -> payload(e).remove(field), "$.payload." + field);
        }
    }

    @Test
    void theRequiredFieldsAboveAreExactlyThoseOfTheSchemas() throws Exception {
        for (Arguments args : requiredLoyaltyFields().toList()) {
            EventType type = (EventType) args.get()[0];
            JsonNode schema = CODEC.objectMapper().readTree(EventCodec.class.getClassLoader().getResource(type.schemaResource()));
            List<String> required = new java.util.ArrayList<>();
            schema.at("/properties/payload/required").forEach(n -> required.add(n.asText()));
            assertThat(required).as(type.name()).containsExactlyInAnyOrderElementsOf(castList(args.get()[1]));
        }
        assertThat(requiredLoyaltyFields().map(a -> a.get()[0])).containsExactlyInAnyOrderElementsOf(LOYALTY_TYPES);
    }

    /** Every points field that must be >= 1. */
    static Stream<Arguments> positivePointsFields() {
        return Stream.of(
                arguments(EventType.POINTS_EARNED, "points"),
                arguments(EventType.POINTS_REDEEMED, "points"),
                arguments(EventType.POINTS_EXPIRED, "points"),
                arguments(EventType.POINTS_EXPIRING, "points"),
                arguments(EventType.POINTS_EXPIRED, "lots"));
    }

    /** Every points field that may be 0. */
    static Stream<Arguments> nonNegativePointsFields() {
        return Stream.of(
                arguments(EventType.POINTS_REDEEMED, "availablePointsAfter"),
                arguments(EventType.REWARD_REDEEMED, "pointsCost"),
                arguments(EventType.REFERRAL_CONVERTED, "referrerPoints"),
                arguments(EventType.REFERRAL_CONVERTED, "refereePoints"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("positivePointsFields")
    void zeroOrNegativePointsAreRejected(EventType type, String field) {
        assertRejected(sample(type), e -> payload(e).put(field, 0), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, -1), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, -3_000_000_000L), "$.payload." + field);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("nonNegativePointsFields")
    void negativePointsAreRejectedAndZeroIsAccepted(EventType type, String field) {
        assertRejected(sample(type), e -> payload(e).put(field, -1), "$.payload." + field);

        ObjectNode zero = sample(type);
        payload(zero).put(field, 0);
        assertThatCode(() -> CODEC.decode(zero.toString())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource({"positivePointsFields", "nonNegativePointsFields"})
    void pointsMustBeWholeJsonNumbersThatFitTheirJavaType(EventType type, String field) {
        assertRejected(sample(type), e -> payload(e).put(field, new java.math.BigDecimal("10.5")), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, "10"), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).putNull(field), "$.payload." + field);
        // one more than Long.MAX_VALUE: named by the schema rather than failing in the mapping to long
        assertRejected(sample(type), e -> payload(e).put(field, new java.math.BigInteger("9223372036854775808")), "$.payload." + field);
    }

    @Test
    void pointsUpToLongMaxValueAreAccepted() throws InvalidEventException {
        ObjectNode event = sample(EventType.POINTS_EARNED);
        payload(event).put("points", Long.MAX_VALUE);

        assertThat(((PointsEarned) CODEC.decode(event.toString()).payload()).points()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gold", "Gold", "", " GOLD", "GOLD ", "GOLD TIER", "GOLD-PLUS", "1GOLD", "_GOLD", "GÖLD"})
    void tierNameThatIsNotUpperCaseLettersDigitsAndUnderscoresIsRejected(String tier) {
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).put("toTier", tier), "$.payload.toTier");
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).put("fromTier", tier), "$.payload.fromTier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MEMBER", "DIAMOND", "GOLD_PLUS", "VIP2", "X"})
    void adminConfiguredTierNamesAreAccepted(String tier) throws InvalidEventException {
        ObjectNode event = sample(EventType.TIER_CHANGED);
        payload(event).put("toTier", tier);

        assertThat(((TierChanged) CODEC.decode(event.toString()).payload()).toTier()).isEqualTo(tier);
    }

    static Stream<Arguments> loyaltyEnumFields() {
        return Stream.of(
                arguments(EventType.POINTS_EARNED, "source", "PURCHASE"),
                arguments(EventType.POINTS_EARNED, "source", "earn"),
                arguments(EventType.TIER_CHANGED, "reason", "UPGRADE"),
                arguments(EventType.TIER_CHANGED, "reason", "threshold_crossed"),
                arguments(EventType.REWARD_REDEEMED, "rewardType", "VOUCHER"),
                arguments(EventType.REWARD_REDEEMED, "rewardType", ""));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("loyaltyEnumFields")
    void unknownEnumValueIsRejected(EventType type, String field, String value) {
        assertRejected(sample(type), e -> payload(e).put(field, value), "$.payload." + field);
    }

    static Stream<Arguments> loyaltyUuidFields() {
        return Stream.of(
                arguments(EventType.POINTS_EARNED, "lotId"),
                arguments(EventType.POINTS_REDEEMED, "redemptionId"),
                arguments(EventType.REWARD_REDEEMED, "redemptionId"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("loyaltyUuidFields")
    void malformedUuidIsRejected(EventType type, String field) {
        for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "5a0c2e7d1b3f4c8e9d6a7f2b1e4c3d10", "5a0c2e7d-1b3f-4c8e-9d6a-7f2b1e4c3d1", "")) {
            assertRejected(sample(type), e -> payload(e).put(field, bad), "$.payload." + field);
        }
        assertRejected(sample(type), e -> payload(e).put(field, 42), "$.payload." + field);
    }

    static Stream<Arguments> loyaltyIdFields() {
        return Stream.of(
                arguments(EventType.POINTS_EARNED, "reason"),
                arguments(EventType.POINTS_EARNED, "causeId"),
                arguments(EventType.POINTS_EARNED, "orderId"),
                arguments(EventType.POINTS_REDEEMED, "rewardId"),
                arguments(EventType.REWARD_REDEEMED, "rewardId"),
                arguments(EventType.REWARD_REDEEMED, "rewardName"),
                arguments(EventType.REWARD_REDEEMED, "couponCode"),
                arguments(EventType.REFERRAL_CONVERTED, "refereeId"),
                arguments(EventType.REFERRAL_CONVERTED, "referralCode"),
                arguments(EventType.REFERRAL_CONVERTED, "qualifyingOrderId"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("loyaltyIdFields")
    void blankIdOrNameIsRejected(EventType type, String field) {
        assertRejected(sample(type), e -> payload(e).put(field, ""), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, "  "), "$.payload." + field);
    }

    static Stream<Arguments> loyaltyTimeFields() {
        return Stream.of(
                arguments(EventType.POINTS_EARNED, "availableAt"),
                arguments(EventType.POINTS_EARNED, "expiresAt"),
                arguments(EventType.POINTS_EXPIRED, "expiredAt"),
                arguments(EventType.POINTS_EXPIRING, "expiresAt"),
                arguments(EventType.TIER_CHANGED, "nextRequalificationAt"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("loyaltyTimeFields")
    void malformedLoyaltyTimeIsRejected(EventType type, String field) {
        for (String bad : List.of("2027-03-31", "2027-03-31T16:00:00", "2027-03-31T16:00:00+08:00", "2027-02-30T16:00:00Z")) {
            assertRejected(sample(type), e -> payload(e).put(field, bad), "$.payload." + field);
        }
    }

    @Test
    void qualifyingSpendIsNonNegativeMoneyWithACurrency() {
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).put("qualifyingSpend", -0.01), "$.payload.qualifyingSpend");
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).put("qualifyingSpend", "5000.00"), "$.payload.qualifyingSpend");
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).put("currency", "cny"), "$.payload.currency");
    }

    @Test
    void pointsEarnedWithoutOrderIdDecodes() throws InvalidEventException {
        ObjectNode event = sample(EventType.POINTS_EARNED);
        payload(event).remove("orderId");

        PointsEarned earned = (PointsEarned) CODEC.decode(event.toString()).payload();

        assertThat(earned.orderId()).isNull();
        assertThat(earned.points()).isEqualTo(3_000_000_000L);
    }

    @Test
    void pointsRedeemedWithoutRewardIdDecodes() throws InvalidEventException {
        ObjectNode event = sample(EventType.POINTS_REDEEMED);
        payload(event).remove("rewardId");

        assertThat(((PointsRedeemed) CODEC.decode(event.toString()).payload()).rewardId()).isNull();
    }

    @Test
    void tierChangedWithoutFromTierAndNextRequalificationDecodes() throws InvalidEventException {
        ObjectNode event = sample(EventType.TIER_CHANGED);
        payload(event).remove("fromTier");
        payload(event).remove("nextRequalificationAt");

        TierChanged changed = (TierChanged) CODEC.decode(event.toString()).payload();

        assertThat(changed.fromTier()).isNull();
        assertThat(changed.nextRequalificationAt()).isNull();
        assertThat(changed.toTier()).isEqualTo("GOLD");
    }

    @Test
    void rewardRedeemedWithoutCouponCodeDecodes() throws InvalidEventException {
        ObjectNode event = sample(EventType.REWARD_REDEEMED);
        payload(event).remove("couponCode");

        assertThat(((RewardRedeemed) CODEC.decode(event.toString()).payload()).couponCode()).isNull();
    }

    @Test
    void optionalLoyaltyFieldsAreOmittedNotNull() {
        assertRejected(sample(EventType.POINTS_EARNED), e -> payload(e).putNull("orderId"), "$.payload.orderId");
        assertRejected(sample(EventType.POINTS_REDEEMED), e -> payload(e).putNull("rewardId"), "$.payload.rewardId");
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).putNull("fromTier"), "$.payload.fromTier");
        assertRejected(sample(EventType.TIER_CHANGED), e -> payload(e).putNull("nextRequalificationAt"), "$.payload.nextRequalificationAt");
        assertRejected(sample(EventType.REWARD_REDEEMED), e -> payload(e).putNull("couponCode"), "$.payload.couponCode");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"POINTS_EARNED", "POINTS_REDEEMED", "POINTS_EXPIRED", "POINTS_EXPIRING",
            "TIER_CHANGED", "REWARD_REDEEMED", "REFERRAL_CONVERTED"})
    void unknownFieldsInALoyaltyEventAreIgnoredAndAnEmptyPayloadIsRejected(EventType type) {
        ObjectNode extended = sample(type);
        payload(extended).put("balanceAfter", 99).putObject("campaign").put("id", "cmp-1");
        extended.put("traceId", "abc-123");
        assertThatCode(() -> CODEC.decode(extended.toString())).doesNotThrowAnyException();

        assertThat(rejected(sample(type), e -> e.putObject("payload"))).isNotEmpty().allMatch(p -> p.startsWith("$.payload."));
    }

    // --- segment-events ----------------------------------------------------------------------------------------

    private static final List<EventType> SEGMENT_TYPES = Stream.of(EventType.values())
            .filter(t -> t.topic().equals(Topics.SEGMENT_EVENTS)).toList();

    static Stream<Arguments> requiredSegmentFields() {
        return Stream.of(
                arguments(EventType.LIFECYCLE_STAGE_CHANGED, List.of("to", "asOf", "reason")),
                arguments(EventType.RFM_SEGMENT_CHANGED, List.of("to", "recency", "frequency", "monetary", "currency", "r", "f", "m", "asOf")),
                arguments(EventType.CHURN_RISK_FLAGGED, List.of("rule", "asOf")),
                arguments(EventType.REPURCHASE_DUE, List.of("expectedAt", "basis", "intervalDays", "lastOrderAt")),
                arguments(EventType.BROWSE_ABANDONED, List.of("sessionStartedAt", "lastActivityAt", "productIds", "cartAdds", "views")),
                arguments(EventType.TAGS_CHANGED, List.of("added", "removed", "tags")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredSegmentFields")
    void missingRequiredSegmentFieldIsRejectedByName(EventType type, List<String> fields) {
        for (String field : fields) {
            assertRejected(sample(type), e -> payload(e).remove(field), "$.payload." + field);
        }
    }

    @Test
    void theRequiredSegmentFieldsAboveAreExactlyThoseOfTheSchemas() throws Exception {
        for (Arguments args : requiredSegmentFields().toList()) {
            EventType type = (EventType) args.get()[0];
            JsonNode schema = CODEC.objectMapper().readTree(EventCodec.class.getClassLoader().getResource(type.schemaResource()));
            List<String> required = new java.util.ArrayList<>();
            schema.at("/properties/payload/required").forEach(n -> required.add(n.asText()));
            assertThat(required).as(type.name()).containsExactlyInAnyOrderElementsOf(castList(args.get()[1]));
        }
        assertThat(requiredSegmentFields().map(a -> a.get()[0])).containsExactlyInAnyOrderElementsOf(SEGMENT_TYPES);
    }

    @Test
    void theStageAndSegmentEnumsOfTheSchemasAreThoseOfTheRecords() throws Exception {
        assertThat(schemaEnum(EventType.LIFECYCLE_STAGE_CHANGED, "/$defs/stage/enum"))
                .containsExactlyElementsOf(Stream.of(LifecycleStage.values()).map(Enum::name).toList());
        assertThat(schemaEnum(EventType.RFM_SEGMENT_CHANGED, "/$defs/segment/enum"))
                .containsExactlyElementsOf(Stream.of(RfmSegment.values()).map(Enum::name).toList());
        assertThat(schemaEnum(EventType.CHURN_RISK_FLAGGED, "/properties/payload/properties/rule/enum"))
                .containsExactlyElementsOf(Stream.of(org.openretention.events.segments.ChurnRule.values()).map(Enum::name).toList());
        assertThat(schemaEnum(EventType.CHURN_RISK_FLAGGED, "/properties/payload/properties/model/enum"))
                .containsExactlyElementsOf(Stream.of(org.openretention.events.segments.ChurnModel.values()).map(Enum::name).toList());
        assertThat(schemaEnum(EventType.REPURCHASE_DUE, "/properties/payload/properties/basis/enum"))
                .containsExactlyElementsOf(Stream.of(org.openretention.events.segments.RepurchaseBasis.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @EnumSource(LifecycleStage.class)
    void everyLifecycleStageIsAccepted(LifecycleStage stage) throws InvalidEventException {
        ObjectNode event = sample(EventType.LIFECYCLE_STAGE_CHANGED);
        payload(event).put("from", stage.name()).put("to", stage.name());

        LifecycleStageChanged changed = (LifecycleStageChanged) CODEC.decode(event.toString()).payload();

        assertThat(changed.from()).isEqualTo(stage);
        assertThat(changed.to()).isEqualTo(stage);
    }

    @ParameterizedTest
    @EnumSource(RfmSegment.class)
    void everyRfmSegmentIsAccepted(RfmSegment segment) throws InvalidEventException {
        ObjectNode event = sample(EventType.RFM_SEGMENT_CHANGED);
        payload(event).put("from", segment.name()).put("to", segment.name());

        assertThat(((RfmSegmentChanged) CODEC.decode(event.toString()).payload()).to()).isEqualTo(segment);
    }

    static Stream<Arguments> segmentEnumFields() {
        return Stream.of(
                arguments(EventType.LIFECYCLE_STAGE_CHANGED, "to", "CHURNED"),
                arguments(EventType.LIFECYCLE_STAGE_CHANGED, "to", "dormant"),
                arguments(EventType.LIFECYCLE_STAGE_CHANGED, "from", "VIP"),
                arguments(EventType.LIFECYCLE_STAGE_CHANGED, "from", ""),
                arguments(EventType.RFM_SEGMENT_CHANGED, "to", "WHALES"),
                arguments(EventType.RFM_SEGMENT_CHANGED, "to", "Champions"),
                arguments(EventType.RFM_SEGMENT_CHANGED, "from", "NEW"),
                arguments(EventType.CHURN_RISK_FLAGGED, "rule", "LOW_PROBABILITY"),
                arguments(EventType.CHURN_RISK_FLAGGED, "model", "BG/NBD"),
                arguments(EventType.CHURN_RISK_FLAGGED, "model", "bg_nbd"),
                arguments(EventType.REPURCHASE_DUE, "basis", "OWN_REPEAT_INTERVAL"),
                arguments(EventType.REPURCHASE_DUE, "basis", ""));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("segmentEnumFields")
    void unknownSegmentEnumValueIsRejected(EventType type, String field, String value) {
        assertRejected(sample(type), e -> payload(e).put(field, value), "$.payload." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r", "f", "m"})
    void rfmScoreOutsideOneToFiveIsRejected(String score) {
        for (int bad : List.of(0, 6, -1, 55)) {
            assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put(score, bad), "$.payload." + score);
        }
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put(score, new java.math.BigDecimal("4.5")), "$.payload." + score);
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put(score, "5"), "$.payload." + score);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r", "f", "m"})
    void rfmScoreAtTheBoundsIsAccepted(String score) throws InvalidEventException {
        for (int good : List.of(1, 5)) {
            ObjectNode event = sample(EventType.RFM_SEGMENT_CHANGED);
            payload(event).put(score, good);
            assertThatCode(() -> CODEC.decode(event.toString())).as(score + " = " + good).doesNotThrowAnyException();
        }
    }

    @Test
    void rfmMeasuresAreInRange() {
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("recency", -1), "$.payload.recency");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("recency", new java.math.BigDecimal("1.5")), "$.payload.recency");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("frequency", 0), "$.payload.frequency");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("frequency", 2_147_483_648L), "$.payload.frequency");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("monetary", -0.01), "$.payload.monetary");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("monetary", "1830.50"), "$.payload.monetary");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).put("currency", "cny"), "$.payload.currency");
    }

    @Test
    void firstRfmSegmentWithZeroRecencyDecodes() throws InvalidEventException {
        ObjectNode event = sample(EventType.RFM_SEGMENT_CHANGED);
        payload(event).remove("from");
        payload(event).put("recency", 0);

        RfmSegmentChanged changed = (RfmSegmentChanged) CODEC.decode(event.toString()).payload();

        assertThat(changed.from()).isNull();
        assertThat(changed.recency()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"probabilityAlive", "threshold"})
    void probabilityOutsideZeroToOneIsRejected(String field) {
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put(field, 1.5), "$.payload." + field);
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put(field, new java.math.BigDecimal("1.0000001")), "$.payload." + field);
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put(field, -0.1), "$.payload." + field);
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put(field, "0.2"), "$.payload." + field);
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).putNull(field), "$.payload." + field);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 0.5})
    void probabilityAtTheBoundsIsAccepted(double probability) throws InvalidEventException {
        ObjectNode event = sample(EventType.CHURN_RISK_FLAGGED);
        payload(event).put("probabilityAlive", probability).put("threshold", probability);

        ChurnRiskFlagged flagged = (ChurnRiskFlagged) CODEC.decode(event.toString()).payload();

        assertThat(flagged.probabilityAlive()).isEqualTo(probability);
        assertThat(flagged.threshold()).isEqualTo(probability);
    }

    @Test
    void aThresholdRuleNeedsItsThreshold() {
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).remove("threshold"), "$.payload.threshold");

        ObjectNode enteredAtRisk = sample(EventType.CHURN_RISK_FLAGGED);
        payload(enteredAtRisk).put("rule", "ENTERED_AT_RISK").remove("threshold");
        assertThatCode(() -> CODEC.decode(enteredAtRisk.toString())).doesNotThrowAnyException();
    }

    @Test
    void expectedClvAndItsCurrencyComeTogether() throws InvalidEventException {
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).remove("currency"), "$.payload.currency");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).remove("expectedClv12m"), "$.payload.expectedClv12m");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put("expectedClv12m", -1), "$.payload.expectedClv12m");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put("expectedClv12m", "412.70"), "$.payload.expectedClv12m");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).put("currency", "RMB1"), "$.payload.currency");

        ObjectNode withoutClv = sample(EventType.CHURN_RISK_FLAGGED);
        payload(withoutClv).remove(List.of("expectedClv12m", "currency"));
        ChurnRiskFlagged flagged = (ChurnRiskFlagged) CODEC.decode(withoutClv.toString()).payload();
        assertThat(flagged.expectedClv12m()).isNull();
        assertThat(flagged.currency()).isNull();
        assertThat(flagged.model()).isEqualTo(org.openretention.events.segments.ChurnModel.BG_NBD);
    }

    @Test
    void theProbabilityAndItsModelComeTogetherAndTheThresholdRuleNeedsBoth() throws InvalidEventException {
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).remove("model"), "$.payload.model");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).remove("probabilityAlive"), "$.payload.probabilityAlive");

        // entering AT_RISK before any purchase model was fitted: neither
        ObjectNode noModel = sample(EventType.CHURN_RISK_FLAGGED);
        payload(noModel).put("rule", "ENTERED_AT_RISK").remove(List.of("threshold", "probabilityAlive", "model", "expectedClv12m", "currency"));
        ChurnRiskFlagged flagged = (ChurnRiskFlagged) CODEC.decode(noModel.toString()).payload();
        assertThat(flagged.probabilityAlive()).isNull();
        assertThat(flagged.model()).isNull();
        assertRejected(noModel, e -> payload(e).put("model", "BG_NBD"), "$.payload.probabilityAlive");
    }

    @Test
    void aCategoryIntervalNeedsItsCategory() throws InvalidEventException {
        assertRejected(sample(EventType.REPURCHASE_DUE), e -> payload(e).remove("category"), "$.payload.category");
        assertRejected(sample(EventType.REPURCHASE_DUE), e -> payload(e).put("category", " "), "$.payload.category");

        ObjectNode own = sample(EventType.REPURCHASE_DUE);
        payload(own).put("basis", "OWN_MEDIAN_INTERVAL").remove("category");
        assertThat(((RepurchaseDue) CODEC.decode(own.toString()).payload()).category()).isNull();
    }

    @Test
    void repurchaseIntervalIsAtLeastOneWholeDay() {
        assertRejected(sample(EventType.REPURCHASE_DUE), e -> payload(e).put("intervalDays", 0), "$.payload.intervalDays");
        assertRejected(sample(EventType.REPURCHASE_DUE), e -> payload(e).put("intervalDays", new java.math.BigDecimal("20.5")), "$.payload.intervalDays");
    }

    @Test
    void browseCountsAreWholeNonNegativeNumbersAndProductsAreDistinctIds() {
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> payload(e).put("cartAdds", -1), "$.payload.cartAdds");
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> payload(e).put("views", -1), "$.payload.views");
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> payload(e).put("views", new java.math.BigDecimal("2.5")), "$.payload.views");
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> payload(e).put("productIds", "sku-tea-01"), "$.payload.productIds");
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> ((ArrayNode) payload(e).get("productIds")).add(""), "$.payload.productIds[3]");
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> ((ArrayNode) payload(e).get("productIds")).add(7), "$.payload.productIds[3]");
        assertRejected(sample(EventType.BROWSE_ABANDONED), e -> ((ArrayNode) payload(e).get("productIds")).add("sku-tea-01"), "$.payload.productIds");
    }

    @Test
    void tagListsAreSetsOfNonEmptyStrings() throws InvalidEventException {
        for (String field : List.of("added", "removed", "tags")) {
            assertRejected(sample(EventType.TAGS_CHANGED), e -> payload(e).put(field, "PRICE_SENSITIVE"), "$.payload." + field);
            assertRejected(sample(EventType.TAGS_CHANGED), e -> payload(e).putNull(field), "$.payload." + field);
            assertRejected(sample(EventType.TAGS_CHANGED), e -> payload(e).putArray(field).add("A").add("A"), "$.payload." + field);
            assertRejected(sample(EventType.TAGS_CHANGED), e -> payload(e).putArray(field).add(""), "$.payload." + field + "[0]");
            assertRejected(sample(EventType.TAGS_CHANGED), e -> payload(e).putArray(field).add(1), "$.payload." + field + "[0]");
        }
        ObjectNode unknownTag = sample(EventType.TAGS_CHANGED);
        ((ArrayNode) payload(unknownTag).get("tags")).add("DETRACTOR");
        assertThat(((TagsChanged) CODEC.decode(unknownTag.toString()).payload()).tags()).contains("DETRACTOR");
    }

    @Test
    void blankStageReasonIsRejected() {
        assertRejected(sample(EventType.LIFECYCLE_STAGE_CHANGED), e -> payload(e).put("reason", ""), "$.payload.reason");
        assertRejected(sample(EventType.LIFECYCLE_STAGE_CHANGED), e -> payload(e).put("reason", "   "), "$.payload.reason");
    }

    static Stream<Arguments> segmentTimeFields() {
        return Stream.of(
                arguments(EventType.LIFECYCLE_STAGE_CHANGED, "asOf"),
                arguments(EventType.RFM_SEGMENT_CHANGED, "asOf"),
                arguments(EventType.CHURN_RISK_FLAGGED, "asOf"),
                arguments(EventType.REPURCHASE_DUE, "expectedAt"),
                arguments(EventType.REPURCHASE_DUE, "lastOrderAt"),
                arguments(EventType.BROWSE_ABANDONED, "sessionStartedAt"),
                arguments(EventType.BROWSE_ABANDONED, "lastActivityAt"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("segmentTimeFields")
    void malformedSegmentTimeIsRejected(EventType type, String field) {
        for (String bad : List.of("2025-03-17", "2025-03-17T00:00:00", "2025-03-17T00:00:00+08:00", "2025-02-30T00:00:00Z")) {
            assertRejected(sample(type), e -> payload(e).put(field, bad), "$.payload." + field);
        }
    }

    @Test
    void optionalSegmentFieldsAreOmittedNotNull() {
        assertRejected(sample(EventType.LIFECYCLE_STAGE_CHANGED), e -> payload(e).putNull("from"), "$.payload.from");
        assertRejected(sample(EventType.RFM_SEGMENT_CHANGED), e -> payload(e).putNull("from"), "$.payload.from");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).putNull("model"), "$.payload.model");
        assertRejected(sample(EventType.CHURN_RISK_FLAGGED), e -> payload(e).putNull("expectedClv12m"), "$.payload.expectedClv12m");
        assertRejected(sample(EventType.REPURCHASE_DUE), e -> payload(e).putNull("category"), "$.payload.category");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"LIFECYCLE_STAGE_CHANGED", "RFM_SEGMENT_CHANGED", "CHURN_RISK_FLAGGED",
            "REPURCHASE_DUE", "BROWSE_ABANDONED", "TAGS_CHANGED"})
    void unknownFieldsInASegmentEventAreIgnoredAndAnEmptyPayloadIsRejected(EventType type) {
        ObjectNode extended = sample(type);
        payload(extended).put("score", 0.7).putObject("explain").put("model", "v2");
        extended.put("traceId", "abc-123");
        assertThatCode(() -> CODEC.decode(extended.toString())).doesNotThrowAnyException();

        assertThat(rejected(sample(type), e -> e.putObject("payload"))).isNotEmpty().allMatch(p -> p.startsWith("$.payload."));
    }

    // --- feedback-events and survey-responses --------------------------------------------------------------

    /** The feedback types: the survey answers on their input topic and feedback-service's events. */
    private static final List<EventType> FEEDBACK_TYPES = Stream.of(EventType.values())
            .filter(t -> t.topic().equals(Topics.FEEDBACK_EVENTS) || t.topic().equals(Topics.SURVEY_RESPONSES)).toList();

    static Stream<Arguments> requiredFeedbackFields() {
        return Stream.of(
                arguments(EventType.SURVEY_RESPONSE_SUBMITTED, List.of("survey", "score")),
                arguments(EventType.SURVEY_INVITATION, List.of("invitationId", "survey", "triggerEventId")),
                arguments(EventType.NPS_RECORDED, List.of("responseId", "score", "category", "answeredAt")),
                arguments(EventType.CSAT_RECORDED, List.of("responseId", "score", "satisfied", "touchpoint", "answeredAt")),
                arguments(EventType.DETRACTOR_IDENTIFIED, List.of("responseId", "score", "answeredAt")),
                arguments(EventType.PROMOTER_IDENTIFIED, List.of("responseId", "score", "answeredAt")),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, List.of("source", "sentimentScore", "language", "aspects")),
                arguments(EventType.COMPLAINT_FILED, List.of("complaintId", "severity", "source", "aspects", "firstContactDueAt")),
                arguments(EventType.COMPLAINT_ESCALATED, List.of("complaintId", "severity", "reasons", "firstContactDueAt")),
                arguments(EventType.SLA_BREACHED, List.of("complaintId", "severity", "dueAt")),
                arguments(EventType.COMPLAINT_RESOLVED, List.of("complaintId", "severity", "rootCause", "filedAt", "slaMet")),
                arguments(EventType.FEEDBACK_ALERT, List.of("alertId", "kind", "ruleId", "ruleName")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFeedbackFields")
    void missingRequiredFeedbackFieldIsRejectedByName(EventType type, List<String> fields) {
        for (String field : fields) {
            assertRejected(sample(type), e -> payload(e).remove(field), "$.payload." + field);
        }
    }

    @Test
    void theRequiredFeedbackFieldsAboveAreExactlyThoseOfTheSchemas() throws Exception {
        for (Arguments args : requiredFeedbackFields().toList()) {
            EventType type = (EventType) args.get()[0];
            JsonNode schema = CODEC.objectMapper().readTree(EventCodec.class.getClassLoader().getResource(type.schemaResource()));
            List<String> required = new java.util.ArrayList<>();
            schema.at("/properties/payload/required").forEach(n -> required.add(n.asText()));
            assertThat(required).as(type.name()).containsExactlyInAnyOrderElementsOf(castList(args.get()[1]));
        }
        assertThat(requiredFeedbackFields().map(a -> a.get()[0])).containsExactlyInAnyOrderElementsOf(FEEDBACK_TYPES);
    }

    @Test
    void theFeedbackEnumsOfTheSchemasAreThoseOfTheRecords() throws Exception {
        List<String> surveys = names(SurveyKind.values());
        assertThat(schemaEnum(EventType.SURVEY_RESPONSE_SUBMITTED, "/$defs/survey/enum")).containsExactlyElementsOf(surveys);
        assertThat(schemaEnum(EventType.SURVEY_INVITATION, "/$defs/survey/enum")).containsExactlyElementsOf(surveys);
        assertThat(schemaEnum(EventType.NPS_RECORDED, "/properties/payload/properties/category/enum"))
                .containsExactlyElementsOf(names(NpsCategory.values()));

        List<String> sentiments = names(SentimentLabel.values());
        for (EventType type : List.of(EventType.NPS_RECORDED, EventType.CSAT_RECORDED, EventType.DETRACTOR_IDENTIFIED)) {
            assertThat(schemaEnum(type, "/$defs/sentiment/enum")).as(type.name()).containsExactlyElementsOf(sentiments);
        }
        assertThat(schemaEnum(EventType.NEGATIVE_REVIEW_DETECTED, "/$defs/aspectSentiment/properties/label/enum"))
                .containsExactlyElementsOf(sentiments);

        List<String> aspects = names(FeedbackAspect.values());
        assertThat(schemaEnum(EventType.NEGATIVE_REVIEW_DETECTED, "/$defs/aspectSentiment/properties/aspect/enum"))
                .containsExactlyElementsOf(aspects);
        assertThat(schemaEnum(EventType.COMPLAINT_FILED, "/properties/payload/properties/aspects/items/enum"))
                .containsExactlyElementsOf(aspects);

        List<String> severities = names(ComplaintSeverity.values());
        for (EventType type : List.of(EventType.COMPLAINT_FILED, EventType.SLA_BREACHED, EventType.COMPLAINT_RESOLVED)) {
            assertThat(schemaEnum(type, "/properties/payload/properties/severity/enum")).as(type.name())
                    .containsExactlyElementsOf(severities);
        }

        assertThat(schemaEnum(EventType.COMPLAINT_FILED, "/properties/payload/properties/source/enum"))
                .containsExactlyElementsOf(names(ComplaintSource.values()));
        // a detected text is never a complaint filed by hand
        assertThat(schemaEnum(EventType.NEGATIVE_REVIEW_DETECTED, "/properties/payload/properties/source/enum"))
                .containsExactlyElementsOf(Stream.of(ComplaintSource.values()).filter(s -> s != ComplaintSource.MANUAL).map(Enum::name).toList());
        assertThat(schemaEnum(EventType.COMPLAINT_RESOLVED, "/properties/payload/properties/rootCause/enum"))
                .containsExactlyElementsOf(names(RootCause.values()));
        assertThat(schemaEnum(EventType.COMPLAINT_RESOLVED, "/$defs/compensation/properties/kind/enum"))
                .containsExactlyElementsOf(names(Compensation.Kind.values()));
        assertThat(schemaEnum(EventType.FEEDBACK_ALERT, "/properties/payload/properties/kind/enum"))
                .containsExactlyElementsOf(names(FeedbackAlert.Kind.values()));
    }

    @Test
    void everyRootCauseBeyondOtherIsAnAspect() {
        assertThat(names(RootCause.values())).containsExactlyElementsOf(
                Stream.concat(Stream.of(FeedbackAspect.values()).map(Enum::name), Stream.of("OTHER")).toList());
    }

    @ParameterizedTest
    @EnumSource(ComplaintSeverity.class)
    void everySeverityIsAccepted(ComplaintSeverity severity) throws InvalidEventException {
        for (EventType type : List.of(EventType.COMPLAINT_FILED, EventType.SLA_BREACHED, EventType.COMPLAINT_RESOLVED)) {
            ObjectNode event = sample(type);
            payload(event).put("severity", severity.name());
            assertThat(CODEC.decode(event.toString()).payload()).as(type.name()).hasFieldOrPropertyWithValue("severity", severity);
        }
    }

    @ParameterizedTest
    @EnumSource(RootCause.class)
    void everyRootCauseIsAccepted(RootCause cause) throws InvalidEventException {
        ObjectNode event = sample(EventType.COMPLAINT_RESOLVED);
        payload(event).put("rootCause", cause.name());

        assertThat(((ComplaintResolved) CODEC.decode(event.toString()).payload()).rootCause()).isEqualTo(cause);
    }

    @ParameterizedTest
    @EnumSource(FeedbackAspect.class)
    void everyAspectIsAccepted(FeedbackAspect aspect) throws InvalidEventException {
        ObjectNode filed = sample(EventType.COMPLAINT_FILED);
        payload(filed).putArray("aspects").add(aspect.name());
        assertThat(((ComplaintFiled) CODEC.decode(filed.toString()).payload()).aspects()).containsExactly(aspect);

        ObjectNode detected = sample(EventType.NEGATIVE_REVIEW_DETECTED);
        aspect(detected, 0).put("aspect", aspect.name());
        assertThat(((NegativeReviewDetected) CODEC.decode(detected.toString()).payload()).aspects().get(0).aspect()).isEqualTo(aspect);
    }

    static Stream<Arguments> feedbackEnumFields() {
        return Stream.of(
                arguments(EventType.SURVEY_RESPONSE_SUBMITTED, "survey", "CES"),
                arguments(EventType.SURVEY_RESPONSE_SUBMITTED, "survey", "nps"),
                arguments(EventType.SURVEY_INVITATION, "survey", "NET_PROMOTER"),
                arguments(EventType.NPS_RECORDED, "category", "NEUTRAL"),
                arguments(EventType.NPS_RECORDED, "commentSentiment", "MIXED"),
                arguments(EventType.CSAT_RECORDED, "commentSentiment", "negative"),
                arguments(EventType.DETRACTOR_IDENTIFIED, "commentSentiment", ""),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, "source", "MANUAL"),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, "source", "SURVEY"),
                arguments(EventType.COMPLAINT_FILED, "severity", "CRITICAL"),
                arguments(EventType.COMPLAINT_FILED, "source", "PHONE"),
                arguments(EventType.SLA_BREACHED, "severity", "urgent"),
                arguments(EventType.COMPLAINT_RESOLVED, "severity", "HIGH"),
                arguments(EventType.COMPLAINT_RESOLVED, "rootCause", "SHIPPING"),
                arguments(EventType.FEEDBACK_ALERT, "kind", "SPIKE"));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("feedbackEnumFields")
    void unknownFeedbackEnumValueIsRejected(EventType type, String field, String value) {
        assertRejected(sample(type), e -> payload(e).put(field, value), "$.payload." + field);
    }

    @Test
    void unknownEnumValuesInsideFeedbackObjectsAndListsAreRejected() {
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> aspect(e, 1).put("aspect", "DELIVERY"), "$.payload.aspects[1].aspect");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> aspect(e, 1).put("label", "MIXED"), "$.payload.aspects[1].label");
        assertRejected(sample(EventType.COMPLAINT_FILED), e -> ((ArrayNode) payload(e).get("aspects")).add("TASTE"), "$.payload.aspects[2]");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).put("kind", "VOUCHER"), "$.payload.compensation.kind");
    }

    // SurveyResponseSubmitted

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 10})
    void anNpsScoreIsZeroToTen(int score) throws InvalidEventException {
        ObjectNode event = sample(EventType.SURVEY_RESPONSE_SUBMITTED);
        payload(event).put("score", score);

        assertThat(((SurveyResponseSubmitted) CODEC.decode(event.toString()).payload()).score()).isEqualTo(score);
    }

    @Test
    void anNpsScoreOutsideZeroToTenIsRejected() {
        for (int bad : List.of(-1, 11, 100)) {
            assertRejected(sample(EventType.SURVEY_RESPONSE_SUBMITTED), e -> payload(e).put("score", bad), "$.payload.score");
        }
        assertRejected(sample(EventType.SURVEY_RESPONSE_SUBMITTED), e -> payload(e).put("score", new java.math.BigDecimal("7.5")), "$.payload.score");
        assertRejected(sample(EventType.SURVEY_RESPONSE_SUBMITTED), e -> payload(e).put("score", "7"), "$.payload.score");
    }

    @Test
    void aCsatScoreIsOneToFive() throws InvalidEventException {
        for (int good : List.of(1, 5)) {
            ObjectNode event = csatResponse();
            payload(event).put("score", good);
            assertThat(((SurveyResponseSubmitted) CODEC.decode(event.toString()).payload()).score()).isEqualTo(good);
        }
        for (int bad : List.of(0, 6, 10)) {
            assertRejected(csatResponse(), e -> payload(e).put("score", bad), "$.payload.score");
        }
    }

    @Test
    void aCsatAnswerNeedsItsTouchpointAndAnNpsAnswerDoesNot() {
        assertRejected(csatResponse(), e -> payload(e).remove("touchpoint"), "$.payload.touchpoint");
        assertThat(payload(sample(EventType.SURVEY_RESPONSE_SUBMITTED)).has("touchpoint")).isFalse();
        assertThatCode(() -> CODEC.decode(sample(EventType.SURVEY_RESPONSE_SUBMITTED).toString())).doesNotThrowAnyException();
    }

    @Test
    void aCsatInvitationNeedsItsTouchpointAndAnNpsInvitationDoesNot() {
        assertRejected(sample(EventType.SURVEY_INVITATION), e -> payload(e).remove("touchpoint"), "$.payload.touchpoint");

        ObjectNode nps = sample(EventType.SURVEY_INVITATION);
        payload(nps).put("survey", "NPS").remove("touchpoint");
        assertThatCode(() -> CODEC.decode(nps.toString())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery", "Delivery", "", " DELIVERY", "DELIVERY TEAM", "AFTER-SALES", "1ST_CALL", "_SUPPORT", "LIVRAISON_É"})
    void touchpointThatIsNotUpperCaseLettersDigitsAndUnderscoresIsRejected(String touchpoint) {
        assertRejected(csatResponse(), e -> payload(e).put("touchpoint", touchpoint), "$.payload.touchpoint");
        assertRejected(sample(EventType.SURVEY_INVITATION), e -> payload(e).put("touchpoint", touchpoint), "$.payload.touchpoint");
        assertRejected(sample(EventType.CSAT_RECORDED), e -> payload(e).put("touchpoint", touchpoint), "$.payload.touchpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELIVERY", "AFTER_SALES", "SUPPORT", "IN_STORE_PICKUP", "STORE2", "X"})
    void theShopsOwnTouchpointsAreAccepted(String touchpoint) throws InvalidEventException {
        ObjectNode event = csatResponse();
        payload(event).put("touchpoint", touchpoint);

        assertThat(((SurveyResponseSubmitted) CODEC.decode(event.toString()).payload()).touchpoint()).isEqualTo(touchpoint);
    }

    @Test
    void aTouchpointIsAtMost64Characters() {
        String longest = "T" + "_".repeat(63);
        for (ObjectNode event : List.of(csatResponse(), sample(EventType.SURVEY_INVITATION), sample(EventType.CSAT_RECORDED))) {
            payload(event).put("touchpoint", longest);
            assertThatCode(() -> CODEC.decode(event.toString())).doesNotThrowAnyException();
            assertRejected(event, e -> payload(e).put("touchpoint", longest + "X"), "$.payload.touchpoint");
        }
    }

    @Test
    void aCommentIsAtMost2000Characters() throws InvalidEventException {
        ObjectNode event = sample(EventType.SURVEY_RESPONSE_SUBMITTED);
        payload(event).put("comment", "慢".repeat(2000));
        assertThat(((SurveyResponseSubmitted) CODEC.decode(event.toString()).payload()).comment()).hasSize(2000);

        assertRejected(event, e -> payload(e).put("comment", "慢".repeat(2001)), "$.payload.comment");
        assertRejected(event, e -> payload(e).put("comment", 5), "$.payload.comment");
    }

    // NpsRecorded, CsatRecorded, DetractorIdentified, PromoterIdentified

    @Test
    void theNpsCategoryOfEveryScoreIsAcceptedAndEveryOtherCategoryIsRejected() throws InvalidEventException {
        for (int score = 0; score <= 10; score++) {
            NpsCategory category = NpsCategory.of(score);
            ObjectNode event = sample(EventType.NPS_RECORDED);
            payload(event).put("score", score).put("category", category.name());
            assertThat(((NpsRecorded) CODEC.decode(event.toString()).payload()).category()).as("score " + score).isEqualTo(category);
            for (NpsCategory other : NpsCategory.values()) {
                if (other != category) {
                    assertRejected(event, e -> payload(e).put("category", other.name()), "$.payload.score");
                }
            }
        }
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> NpsCategory.of(11))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> NpsCategory.of(-1))).isNotNull();
    }

    @Test
    void anNpsRecordedScoreIsZeroToTen() {
        assertRejected(sample(EventType.NPS_RECORDED), e -> payload(e).put("score", -1), "$.payload.score");
        assertRejected(sample(EventType.NPS_RECORDED), e -> payload(e).put("score", 11).put("category", "PROMOTER"), "$.payload.score");
    }

    @Test
    void satisfiedMeansACsatScoreOfFourOrFive() throws InvalidEventException {
        for (int score = 1; score <= 5; score++) {
            boolean satisfied = score >= 4;
            ObjectNode event = sample(EventType.CSAT_RECORDED);
            payload(event).put("score", score).put("satisfied", satisfied);
            assertThat(((CsatRecorded) CODEC.decode(event.toString()).payload()).satisfied()).as("score " + score).isEqualTo(satisfied);
            assertRejected(event, e -> payload(e).put("satisfied", !satisfied), "$.payload.score");
        }
        assertRejected(sample(EventType.CSAT_RECORDED), e -> payload(e).put("score", 0), "$.payload.score");
        assertRejected(sample(EventType.CSAT_RECORDED), e -> payload(e).put("score", 6).put("satisfied", true), "$.payload.score");
        assertRejected(sample(EventType.CSAT_RECORDED), e -> payload(e).put("satisfied", "no"), "$.payload.satisfied");
    }

    @Test
    void aDetractorScoredZeroToSixAndAPromoterNineOrTen() throws InvalidEventException {
        for (int score = 0; score <= 10; score++) {
            int s = score;
            ObjectNode detractor = sample(EventType.DETRACTOR_IDENTIFIED);
            payload(detractor).put("score", score);
            ObjectNode promoter = sample(EventType.PROMOTER_IDENTIFIED);
            payload(promoter).put("score", score);
            if (NpsCategory.of(score) == NpsCategory.DETRACTOR) {
                assertThat(((DetractorIdentified) CODEC.decode(detractor.toString()).payload()).score()).isEqualTo(score);
            } else {
                assertRejected(detractor, e -> payload(e).put("score", s), "$.payload.score");
            }
            if (NpsCategory.of(score) == NpsCategory.PROMOTER) {
                assertThat(((PromoterIdentified) CODEC.decode(promoter.toString()).payload()).score()).isEqualTo(score);
            } else {
                assertRejected(promoter, e -> payload(e).put("score", s), "$.payload.score");
            }
        }
        assertRejected(sample(EventType.DETRACTOR_IDENTIFIED), e -> payload(e).put("score", -1), "$.payload.score");
        assertRejected(sample(EventType.PROMOTER_IDENTIFIED), e -> payload(e).put("score", 11), "$.payload.score");
    }

    // NegativeReviewDetected

    @ParameterizedTest
    @ValueSource(doubles = {-1, -0.5, 0})
    void aNegativeSentimentScoreIsMinusOneToZero(double score) throws InvalidEventException {
        ObjectNode event = sample(EventType.NEGATIVE_REVIEW_DETECTED);
        payload(event).put("sentimentScore", score);

        assertThat(((NegativeReviewDetected) CODEC.decode(event.toString()).payload()).sentimentScore()).isEqualTo(score);
    }

    @Test
    void aSentimentScoreOutsideItsRangeIsRejected() {
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("sentimentScore", 0.01), "$.payload.sentimentScore");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("sentimentScore", new java.math.BigDecimal("-1.0000001")), "$.payload.sentimentScore");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("sentimentScore", "-0.9"), "$.payload.sentimentScore");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> aspect(e, 0).put("score", -1.5), "$.payload.aspects[0].score");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> aspect(e, 1).put("score", 1.5), "$.payload.aspects[1].score");

        ObjectNode bounds = sample(EventType.NEGATIVE_REVIEW_DETECTED);
        aspect(bounds, 0).put("score", -1);
        aspect(bounds, 1).put("score", 1);
        assertThatCode(() -> CODEC.decode(bounds.toString())).doesNotThrowAnyException();
    }

    @Test
    void aReviewRatingIsOneToFive() {
        for (int bad : List.of(0, 6, -1)) {
            assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("rating", bad), "$.payload.rating");
        }
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("rating", new java.math.BigDecimal("1.5")), "$.payload.rating");
    }

    @Test
    void everyAspectSentimentHasItsAspectLabelAndScore() {
        for (String field : List.of("aspect", "label", "score")) {
            assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> aspect(e, 2).remove(field), "$.payload.aspects[2]." + field);
        }
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> ((ArrayNode) payload(e).get("aspects")).add("LOGISTICS"), "$.payload.aspects[3]");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("aspects", "LOGISTICS"), "$.payload.aspects");
    }

    @Test
    void theLanguageOfATextIsAnOpenSetOfUpperCaseNames() throws InvalidEventException {
        ObjectNode unknownLanguage = sample(EventType.NEGATIVE_REVIEW_DETECTED);
        payload(unknownLanguage).put("language", "JA");
        assertThat(((NegativeReviewDetected) CODEC.decode(unknownLanguage.toString()).payload()).language()).isEqualTo("JA");

        for (String bad : List.of("zh", "zh-CN", "", " ZH")) {
            assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).put("language", bad), "$.payload.language");
        }
    }

    @Test
    void aDetectedTextFromTheApiHasNoSourceEventAndMayNameNoAspect() throws InvalidEventException {
        ObjectNode event = sample(EventType.NEGATIVE_REVIEW_DETECTED);
        payload(event).put("source", "SURVEY_COMMENT").putArray("aspects");
        payload(event).remove(List.of("sourceEventId", "sku", "orderId", "rating", "complaintId"));

        NegativeReviewDetected detected = (NegativeReviewDetected) CODEC.decode(event.toString()).payload();

        assertThat(detected.sourceEventId()).isNull();
        assertThat(detected.complaintId()).isNull();
        assertThat(detected.aspects()).isEmpty();
    }

    // ComplaintFiled, ComplaintEscalated, SlaBreached

    @Test
    void aComplaintFiledByHandNeedsNoChannelOrderOrAspect() throws InvalidEventException {
        ObjectNode event = sample(EventType.COMPLAINT_FILED);
        payload(event).putArray("aspects");
        payload(event).remove(List.of("channel", "orderId"));

        ComplaintFiled filed = (ComplaintFiled) CODEC.decode(event.toString()).payload();

        assertThat(filed.channel()).isNull();
        assertThat(filed.aspects()).isEmpty();
    }

    @Test
    void onlyAMajorComplaintIsEscalatedAndItSaysWhy() {
        for (String severity : List.of("URGENT", "NORMAL", "major", "")) {
            assertRejected(sample(EventType.COMPLAINT_ESCALATED), e -> payload(e).put("severity", severity), "$.payload.severity");
        }
        assertRejected(sample(EventType.COMPLAINT_ESCALATED), e -> payload(e).putArray("reasons"), "$.payload.reasons");
        assertRejected(sample(EventType.COMPLAINT_ESCALATED), e -> payload(e).putArray("reasons").add(" "), "$.payload.reasons[0]");
        assertRejected(sample(EventType.COMPLAINT_ESCALATED), e -> payload(e).put("reasons", "safety: 爆炸"), "$.payload.reasons");
    }

    // ComplaintResolved

    @Test
    void pointsAreRequiredForAPointsCompensationAndForbiddenOtherwise() throws InvalidEventException {
        ObjectNode points = tree(CODEC.encode(SampleEvents.complaintResolvedWithPoints()));
        assertRejected(points, e -> compensation(e).remove("points"), "$.payload.compensation.points");
        assertRejected(points, e -> compensation(e).put("points", 0), "$.payload.compensation.points");
        assertRejected(points, e -> compensation(e).put("points", new java.math.BigDecimal("10.5")), "$.payload.compensation.points");

        for (String kind : List.of("COUPON", "REFUND", "GIFT")) {
            ObjectNode other = sample(EventType.COMPLAINT_RESOLVED);
            compensation(other).put("kind", kind);
            if (kind.equals("GIFT")) {
                compensation(other).remove(List.of("amount", "currency"));
            }
            assertThatCode(() -> CODEC.decode(other.toString())).as(kind).doesNotThrowAnyException();
            assertRejected(other, e -> compensation(e).put("points", 100), "$.payload.compensation.points");
        }
    }

    @Test
    void anAmountAndItsCurrencyAreRequiredForACouponOrARefundAndForbiddenForPointsOrAGift() throws InvalidEventException {
        for (String kind : List.of("COUPON", "REFUND")) {
            ObjectNode money = sample(EventType.COMPLAINT_RESOLVED);
            compensation(money).put("kind", kind);
            assertThatCode(() -> CODEC.decode(money.toString())).as(kind).doesNotThrowAnyException();
            assertRejected(money, e -> compensation(e).remove("amount"), "$.payload.compensation.amount");
            assertRejected(money, e -> compensation(e).remove("currency"), "$.payload.compensation.currency");
            assertRejected(money, e -> compensation(e).remove(List.of("amount", "currency")), "$.payload.compensation.amount");
        }
        ObjectNode gift = tree(CODEC.encode(SampleEvents.complaintResolvedWithGift()));
        assertRejected(gift, e -> compensation(e).put("amount", 20).put("currency", "CNY"), "$.payload.compensation.amount");
        ObjectNode points = tree(CODEC.encode(SampleEvents.complaintResolvedWithPoints()));
        assertRejected(points, e -> compensation(e).put("amount", 20).put("currency", "CNY"), "$.payload.compensation.amount");
        assertRejected(gift, e -> compensation(e).put("currency", "CNY"), "$.payload.compensation.amount");
    }

    @Test
    void aCompensationAmountIsPositiveMoneyWithACurrency() throws InvalidEventException {
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).put("amount", 0), "$.payload.compensation.amount");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).put("amount", -5), "$.payload.compensation.amount");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).put("amount", "20.00"), "$.payload.compensation.amount");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).put("currency", "rmb"), "$.payload.compensation.currency");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).remove("kind"), "$.payload.compensation.kind");

        ObjectNode event = sample(EventType.COMPLAINT_RESOLVED);
        compensation(event).put("amount", new java.math.BigDecimal("0.01"));
        assertThat(((ComplaintResolved) CODEC.decode(event.toString()).payload()).compensation().amount())
                .isEqualTo(new java.math.BigDecimal("0.01"));
    }

    @Test
    void aResolutionWithoutCompensationDecodes() throws InvalidEventException {
        ObjectNode event = sample(EventType.COMPLAINT_RESOLVED);
        payload(event).remove("compensation");

        assertThat(((ComplaintResolved) CODEC.decode(event.toString()).payload()).compensation()).isNull();
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> payload(e).put("slaMet", "false"), "$.payload.slaMet");
    }

    // FeedbackAlert

    @Test
    void aKeywordAlertNeedsItsKeywordAndNoSpikeFigures() throws InvalidEventException {
        ObjectNode keyword = tree(CODEC.encode(SampleEvents.keywordAlert()));
        assertRejected(keyword, e -> payload(e).remove("keyword"), "$.payload.keyword");
        assertRejected(keyword, e -> payload(e).put("keyword", " "), "$.payload.keyword");

        assertThat(((FeedbackAlert) CODEC.decode(keyword.toString()).payload()).negatives()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"negatives", "texts", "share", "baselineShare", "windowStart"})
    void aNegativeSpikeNeedsEachOfItsFigures(String field) {
        assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).remove(field), "$.payload." + field);
        assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).putNull(field), "$.payload." + field);
    }

    @Test
    void spikeSharesAreZeroToOneAndCountsAreWholePositiveNumbers() throws InvalidEventException {
        for (String share : List.of("share", "baselineShare")) {
            assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).put(share, 1.01), "$.payload." + share);
            assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).put(share, -0.01), "$.payload." + share);
            assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).put(share, "0.5"), "$.payload." + share);
        }
        for (String count : List.of("negatives", "texts")) {
            assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).put(count, 0), "$.payload." + count);
            assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).put(count, new java.math.BigDecimal("2.5")), "$.payload." + count);
        }
        ObjectNode bounds = sample(EventType.FEEDBACK_ALERT);
        payload(bounds).put("share", 1).put("baselineShare", 0);
        FeedbackAlert alert = (FeedbackAlert) CODEC.decode(bounds.toString()).payload();
        assertThat(alert.share()).isEqualTo(1.0);
        assertThat(alert.baselineShare()).isZero();
    }

    // all feedback types

    /** Every feedback-service id: a whole number >= 1 that fits a long. */
    static Stream<Arguments> feedbackIdFields() {
        return Stream.of(
                arguments(EventType.NPS_RECORDED, "responseId"),
                arguments(EventType.CSAT_RECORDED, "responseId"),
                arguments(EventType.DETRACTOR_IDENTIFIED, "responseId"),
                arguments(EventType.PROMOTER_IDENTIFIED, "responseId"),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, "complaintId"),
                arguments(EventType.COMPLAINT_FILED, "complaintId"),
                arguments(EventType.COMPLAINT_ESCALATED, "complaintId"),
                arguments(EventType.SLA_BREACHED, "complaintId"),
                arguments(EventType.COMPLAINT_RESOLVED, "complaintId"),
                arguments(EventType.FEEDBACK_ALERT, "alertId"),
                arguments(EventType.FEEDBACK_ALERT, "ruleId"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("feedbackIdFields")
    void aFeedbackIdIsAWholeNumberFromOneThatFitsALong(EventType type, String field) throws InvalidEventException {
        assertRejected(sample(type), e -> payload(e).put(field, 0), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, -1), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, new java.math.BigDecimal("12.5")), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, "1187"), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, new java.math.BigInteger("9223372036854775808")), "$.payload." + field);

        ObjectNode largest = sample(type);
        payload(largest).put(field, Long.MAX_VALUE);
        assertThat(CODEC.decode(largest.toString()).payload()).hasFieldOrPropertyWithValue(field, Long.MAX_VALUE);
    }

    static Stream<Arguments> feedbackUuidFields() {
        return Stream.of(
                arguments(EventType.SURVEY_RESPONSE_SUBMITTED, "invitationId"),
                arguments(EventType.SURVEY_INVITATION, "invitationId"),
                arguments(EventType.SURVEY_INVITATION, "triggerEventId"),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, "sourceEventId"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("feedbackUuidFields")
    void malformedFeedbackUuidIsRejected(EventType type, String field) {
        for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "c3e1a5d78f204b6c9a142d7e6f0b8c31", "c3e1a5d7-8f20-4b6c-9a14-2d7e6f0b8c3", "")) {
            assertRejected(sample(type), e -> payload(e).put(field, bad), "$.payload." + field);
        }
        assertRejected(sample(type), e -> payload(e).put(field, 42), "$.payload." + field);
    }

    static Stream<Arguments> feedbackTimeFields() {
        return Stream.of(
                arguments(EventType.NPS_RECORDED, "answeredAt"),
                arguments(EventType.CSAT_RECORDED, "answeredAt"),
                arguments(EventType.DETRACTOR_IDENTIFIED, "answeredAt"),
                arguments(EventType.PROMOTER_IDENTIFIED, "answeredAt"),
                arguments(EventType.COMPLAINT_FILED, "firstContactDueAt"),
                arguments(EventType.COMPLAINT_ESCALATED, "firstContactDueAt"),
                arguments(EventType.SLA_BREACHED, "dueAt"),
                arguments(EventType.COMPLAINT_RESOLVED, "filedAt"),
                arguments(EventType.FEEDBACK_ALERT, "windowStart"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("feedbackTimeFields")
    void malformedFeedbackTimeIsRejected(EventType type, String field) {
        for (String bad : List.of("2025-03-14", "2025-03-14T09:20:11", "2025-03-14T09:20:11+08:00", "2025-02-30T09:20:11Z")) {
            assertRejected(sample(type), e -> payload(e).put(field, bad), "$.payload." + field);
        }
    }

    static Stream<Arguments> feedbackIdStringFields() {
        return Stream.of(
                arguments(EventType.SURVEY_RESPONSE_SUBMITTED, "orderId"),
                arguments(EventType.SURVEY_INVITATION, "orderId"),
                arguments(EventType.NPS_RECORDED, "orderId"),
                arguments(EventType.CSAT_RECORDED, "orderId"),
                arguments(EventType.DETRACTOR_IDENTIFIED, "orderId"),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, "sku"),
                arguments(EventType.NEGATIVE_REVIEW_DETECTED, "orderId"),
                arguments(EventType.COMPLAINT_FILED, "channel"),
                arguments(EventType.COMPLAINT_FILED, "orderId"),
                arguments(EventType.FEEDBACK_ALERT, "ruleName"),
                arguments(EventType.FEEDBACK_ALERT, "sku"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("feedbackIdStringFields")
    void blankFeedbackIdOrNameIsRejected(EventType type, String field) {
        assertRejected(sample(type), e -> payload(e).put(field, ""), "$.payload." + field);
        assertRejected(sample(type), e -> payload(e).put(field, "  "), "$.payload." + field);
    }

    @Test
    void optionalFeedbackFieldsAreOmittedNotNull() {
        assertRejected(sample(EventType.SURVEY_RESPONSE_SUBMITTED), e -> payload(e).putNull("comment"), "$.payload.comment");
        assertRejected(sample(EventType.SURVEY_RESPONSE_SUBMITTED), e -> payload(e).putNull("invitationId"), "$.payload.invitationId");
        assertRejected(sample(EventType.SURVEY_RESPONSE_SUBMITTED), e -> payload(e).putNull("touchpoint"), "$.payload.touchpoint");
        assertRejected(sample(EventType.NPS_RECORDED), e -> payload(e).putNull("commentSentiment"), "$.payload.commentSentiment");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).putNull("complaintId"), "$.payload.complaintId");
        assertRejected(sample(EventType.NEGATIVE_REVIEW_DETECTED), e -> payload(e).putNull("rating"), "$.payload.rating");
        assertRejected(sample(EventType.COMPLAINT_FILED), e -> payload(e).putNull("channel"), "$.payload.channel");
        assertRejected(sample(EventType.COMPLAINT_FILED), e -> payload(e).putNull("aspects"), "$.payload.aspects");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> payload(e).putNull("compensation"), "$.payload.compensation");
        assertRejected(sample(EventType.COMPLAINT_RESOLVED), e -> compensation(e).putNull("description"), "$.payload.compensation.description");
        assertRejected(sample(EventType.FEEDBACK_ALERT), e -> payload(e).putNull("sku"), "$.payload.sku");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"SURVEY_RESPONSE_SUBMITTED", "SURVEY_INVITATION", "NPS_RECORDED",
            "CSAT_RECORDED", "DETRACTOR_IDENTIFIED", "PROMOTER_IDENTIFIED", "NEGATIVE_REVIEW_DETECTED", "COMPLAINT_FILED",
            "COMPLAINT_ESCALATED", "SLA_BREACHED", "COMPLAINT_RESOLVED", "FEEDBACK_ALERT"})
    void unknownFieldsInAFeedbackEventAreIgnoredAndAnEmptyPayloadIsRejected(EventType type) {
        ObjectNode extended = sample(type);
        payload(extended).put("channelOfAnswer", "WECHAT").putObject("analysis").put("model", "lexicon-v2");
        extended.put("traceId", "abc-123");
        assertThatCode(() -> CODEC.decode(extended.toString())).doesNotThrowAnyException();

        assertThat(rejected(sample(type), e -> e.putObject("payload"))).isNotEmpty().allMatch(p -> p.startsWith("$.payload."));
    }

    @Test
    void unknownFieldsInsideACompensationAndAnAspectSentimentAreIgnored() {
        ObjectNode resolved = sample(EventType.COMPLAINT_RESOLVED);
        compensation(resolved).put("couponCode", "SORRY-20");
        assertThatCode(() -> CODEC.decode(resolved.toString())).doesNotThrowAnyException();

        ObjectNode detected = sample(EventType.NEGATIVE_REVIEW_DETECTED);
        aspect(detected, 0).put("words", 3);
        assertThatCode(() -> CODEC.decode(detected.toString())).doesNotThrowAnyException();
    }

    private static ObjectNode csatResponse() {
        return tree(CODEC.encode(SampleEvents.csatResponseSubmitted()));
    }

    private static ObjectNode compensation(ObjectNode event) {
        return (ObjectNode) payload(event).get("compensation");
    }

    private static ObjectNode aspect(ObjectNode event, int index) {
        return (ObjectNode) payload(event).get("aspects").get(index);
    }

    private static List<String> names(Enum<?>[] constants) {
        return Stream.of(constants).map(Enum::name).toList();
    }

    private static List<String> schemaEnum(EventType type, String pointer) throws Exception {
        JsonNode schema = CODEC.objectMapper().readTree(EventCodec.class.getClassLoader().getResource(type.schemaResource()));
        List<String> values = new java.util.ArrayList<>();
        schema.at(pointer).forEach(n -> values.add(n.asText()));
        assertThat(values).as(type + " " + pointer).isNotEmpty();
        return values;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static ObjectNode sample(EventType type) {
        return tree(CODEC.encode(SampleEvents.of(type)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }

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
