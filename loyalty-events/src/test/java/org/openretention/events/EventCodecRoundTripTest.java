package org.openretention.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openretention.events.customers.ConsentChannel;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.feedback.ComplaintEscalated;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.NegativeReviewDetected;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.segments.BrowseAbandoned;
import org.openretention.events.segments.ChurnRiskFlagged;
import org.openretention.events.segments.RfmSegmentChanged;
import org.openretention.events.segments.TagsChanged;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventCodecRoundTripTest {

    private static final EventCodec CODEC = new EventCodec();

    @org.junit.jupiter.api.Test
    void consentsEncodeInChannelOrderWhateverTheMapTheyCameIn() {
        java.util.Map<org.openretention.events.customers.ConsentChannel, Boolean> shuffled = new java.util.LinkedHashMap<>();
        shuffled.put(org.openretention.events.customers.ConsentChannel.APP_INBOX, true);
        shuffled.put(org.openretention.events.customers.ConsentChannel.SMS, false);
        shuffled.put(org.openretention.events.customers.ConsentChannel.EMAIL, true);
        var registered = new org.openretention.events.customers.CustomerRegistered(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                null, null, null, null, null, null, null, null, shuffled);

        String json = CODEC.encode(EventEnvelope.of("c-1", java.time.Instant.parse("2026-01-01T00:00:00Z"), "test", registered));

        org.assertj.core.api.Assertions.assertThat(json).contains("\"consents\":{\"EMAIL\":true,\"SMS\":false,\"APP_INBOX\":true}");
    }

    static List<EventEnvelope<?>> samples() {
        return SampleEvents.all();
    }

    @Test
    void samplesCoverEveryEventTypeAndInteractionKind() {
        assertThat(samples().stream().map(EventEnvelope::eventType).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(EventType.class));
        assertThat(samples().stream()
                .filter(e -> e.payload() instanceof InteractionRecorded)
                .map(e -> ((InteractionRecorded) e.payload()).kind())
                .collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(InteractionKind.class));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void stringRoundTripGivesAnEqualEvent(EventEnvelope<?> event) throws InvalidEventException {
        String json = CODEC.encode(event);

        EventEnvelope<?> decoded = CODEC.decode(json);

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.payload()).isInstanceOf(event.eventType().payloadType());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void bytesRoundTripGivesAnEqualEvent(EventEnvelope<?> event) throws InvalidEventException {
        byte[] json = CODEC.encodeBytes(event);

        assertThat(CODEC.decode(json)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("samples")
    void encodedEventCarriesTheEnvelopeFieldsAsTheContractSays(EventEnvelope<?> event) throws Exception {
        JsonNode tree = CODEC.objectMapper().readTree(CODEC.encode(event));

        assertThat(tree.get("eventId").textValue()).isEqualTo(event.eventId().toString());
        assertThat(tree.get("type").textValue()).isEqualTo(event.eventType().typeName());
        assertThat(tree.get("schemaVersion").intValue()).isEqualTo(event.eventType().schemaVersion());
        assertThat(tree.get("occurredAt").textValue()).isEqualTo("2025-03-14T09:26:53.589Z");
        assertThat(tree.get("customerId").textValue()).isEqualTo(SampleEvents.CUSTOMER);
        assertThat(tree.get("source").textValue()).isEqualTo(SampleEvents.sourceOf(event.eventType()));
        assertThat(tree.get("payload").isObject()).isTrue();
        // optional fields are omitted, never written as null, and no derived value leaks into the JSON
        assertThat(CODEC.encode(event)).doesNotContain("null", "netAmount", "lineTotal", "eventType", "hasCartAdds");
    }

    @Test
    void moneyIsWrittenAsADecimalNumberAndKeepsItsExactValueAndScale() throws Exception {
        String json = """
                {"eventId":"3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10","type":"OrderCompleted","schemaVersion":1,
                 "occurredAt":"2025-03-14T09:26:53Z","customerId":"c-1","source":"shop-backend",
                 "payload":{"orderId":"o-1","amount":120.50,"currency":"EUR","discountAmount":0.10,
                            "items":[{"sku":"s-1","category":"tea","quantity":1,"unitPrice":19.99},
                                     {"sku":"s-2","category":"tea","quantity":1,"unitPrice":100.51}]}}
                """;

        OrderCompleted order = (OrderCompleted) CODEC.decode(json).payload();

        assertThat(order.amount()).isEqualTo(new BigDecimal("120.50"));
        assertThat(order.discountAmount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(order.items().get(0).unitPrice()).isEqualTo(new BigDecimal("19.99"));
        assertThat(order.netAmount()).isEqualTo(new BigDecimal("120.40"));
        JsonNode written = CODEC.objectMapper().readTree(CODEC.encode(CODEC.decode(json)));
        assertThat(written.at("/payload/amount").isNumber()).isTrue();
        assertThat(CODEC.encode(CODEC.decode(json))).contains("\"amount\":120.50", "\"unitPrice\":19.99");
    }

    @Test
    void absentDiscountMeansZeroAndItemsKeepTheirOrder() throws InvalidEventException {
        String json = """
                {"eventId":"3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10","type":"OrderCompleted","schemaVersion":1,
                 "occurredAt":"2025-03-14T09:26:53Z","customerId":"c-1","source":"shop-backend",
                 "payload":{"orderId":"o-1","amount":30,"currency":"CNY",
                            "items":[{"sku":"b","category":"x","quantity":3,"unitPrice":5},
                                     {"sku":"a","category":"y","quantity":1,"unitPrice":15}]}}
                """;

        OrderCompleted order = (OrderCompleted) CODEC.decode(json).payload();

        assertThat(order.discountAmount()).isEqualByComparingTo("0");
        assertThat(order.items()).extracting(OrderItem::sku).containsExactly("b", "a");
        assertThat(order.items().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void unknownFieldsAtTopLevelInThePayloadAndInItemsAreIgnored() throws InvalidEventException {
        String json = """
                {"eventId":"3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10","type":"OrderCompleted","schemaVersion":1,
                 "occurredAt":"2025-03-14T09:26:53Z","customerId":"c-1","source":"shop-backend",
                 "traceId":"abc-123","headers":{"region":"eu"},
                 "payload":{"orderId":"o-1","amount":19.99,"currency":"EUR","channel":"APP","storeId":42,
                            "shipping":{"method":"express","cost":4.5},
                            "items":[{"sku":"s-1","category":"tea","quantity":1,"unitPrice":19.99,"color":"green"}]}}
                """;

        EventEnvelope<?> event = CODEC.decode(json);

        assertThat(event.customerId()).isEqualTo("c-1");
        assertThat(event.payload()).isEqualTo(new OrderCompleted("o-1", new BigDecimal("19.99"), "EUR", null, null,
                List.of(new OrderItem("s-1", "tea", 1, new BigDecimal("19.99")))));
    }

    @Test
    void unknownFieldsInACustomerEventAreIgnoredAndConsentsAreRead() throws InvalidEventException {
        String json = """
                {"eventId":"3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10","type":"CustomerRegistered","schemaVersion":1,
                 "occurredAt":"2025-03-14T09:26:53+00:00","customerId":"c-1","source":"shop-backend","x":1,
                 "payload":{"registeredAt":"2025-03-14T09:26:50Z","birthday":"1990-02-28","tier":"gold",
                            "consents":{"EMAIL":true,"SMS":false}}}
                """;

        CustomerRegistered registered = (CustomerRegistered) CODEC.decode(json).payload();

        assertThat(registered.birthday()).isEqualTo(LocalDate.of(1990, 2, 28));
        assertThat(registered.consentsTo(ConsentChannel.EMAIL)).isTrue();
        assertThat(registered.consentsTo(ConsentChannel.SMS)).isFalse();
        assertThat(registered.consentsTo(ConsentChannel.PUSH)).isFalse();
        assertThat(registered.email()).isNull();
    }

    @Test
    void textKeepsItsUnicodeCharacters() throws InvalidEventException {
        EventEnvelope<InteractionRecorded> review = SampleEvents.review();
        byte[] bytes = CODEC.encodeBytes(review);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("茶很香，包装也很好！");
        assertThat(((InteractionRecorded) CODEC.decode(bytes).payload()).text()).isEqualTo("茶很香，包装也很好！");
    }

    @Test
    void theLoyaltyTypesArePublishedOnTheLoyaltyEventsTopic() {
        assertThat(EnumSet.allOf(EventType.class).stream().filter(t -> t.topic().equals(Topics.LOYALTY_EVENTS)))
                .containsExactlyInAnyOrder(EventType.POINTS_EARNED, EventType.POINTS_REDEEMED, EventType.POINTS_EXPIRED,
                        EventType.POINTS_EXPIRING, EventType.TIER_CHANGED, EventType.REWARD_REDEEMED,
                        EventType.REFERRAL_CONVERTED);
        assertThat(EventType.POINTS_EARNED.payloadType().getPackageName()).isEqualTo("org.openretention.events.loyalty");
    }

    @Test
    void pointsAreWrittenAsJsonIntegersBeyondTheIntRange() throws Exception {
        EventEnvelope<PointsEarned> earned = SampleEvents.pointsEarned();

        JsonNode tree = CODEC.objectMapper().readTree(CODEC.encode(earned));

        assertThat(tree.at("/payload/points").isIntegralNumber()).isTrue();
        assertThat(tree.at("/payload/points").longValue()).isEqualTo(3_000_000_000L);
        assertThat(CODEC.encode(earned)).contains("\"points\":3000000000", "\"lotId\":\"" + SampleEvents.LOT + "\"");
        assertThat(((PointsEarned) CODEC.decode(CODEC.encode(earned)).payload()).points()).isEqualTo(3_000_000_000L);
    }

    @Test
    void qualifyingSpendKeepsItsExactValueAndScale() throws Exception {
        String json = CODEC.encode(SampleEvents.tierChanged());

        assertThat(json).contains("\"qualifyingSpend\":5000.00", "\"currency\":\"CNY\"");
        assertThat(((TierChanged) CODEC.decode(json).payload()).qualifyingSpend()).isEqualTo(new BigDecimal("5000.00"));
    }

    @Test
    void theSegmentTypesArePublishedOnTheSegmentEventsTopic() {
        assertThat(EnumSet.allOf(EventType.class).stream().filter(t -> t.topic().equals(Topics.SEGMENT_EVENTS)))
                .containsExactlyInAnyOrder(EventType.LIFECYCLE_STAGE_CHANGED, EventType.RFM_SEGMENT_CHANGED,
                        EventType.CHURN_RISK_FLAGGED, EventType.REPURCHASE_DUE, EventType.BROWSE_ABANDONED,
                        EventType.TAGS_CHANGED);
        assertThat(EnumSet.allOf(EventType.class).stream().filter(t -> t.topic().equals(Topics.SEGMENT_EVENTS)))
                .allSatisfy(t -> assertThat(t.payloadType().getPackageName()).isEqualTo("org.openretention.events.segments"));
    }

    @Test
    void segmentMoneyKeepsItsExactValueAndScaleAndProbabilitiesAreJsonNumbers() throws Exception {
        String rfm = CODEC.encode(SampleEvents.rfmSegmentChanged());
        String churn = CODEC.encode(SampleEvents.churnRiskFlagged());

        assertThat(rfm).contains("\"monetary\":1830.50", "\"currency\":\"CNY\"", "\"r\":2", "\"f\":4", "\"m\":4");
        assertThat(((RfmSegmentChanged) CODEC.decode(rfm).payload()).monetary()).isEqualTo(new BigDecimal("1830.50"));
        assertThat(churn).contains("\"probabilityAlive\":0.1875", "\"threshold\":0.3", "\"expectedClv12m\":412.70");
        ChurnRiskFlagged flagged = (ChurnRiskFlagged) CODEC.decode(churn).payload();
        assertThat(flagged.expectedClv12m()).isEqualTo(new BigDecimal("412.70"));
        assertThat(flagged.probabilityAlive()).isEqualTo(0.1875);
        assertThat(flagged.threshold()).isEqualTo(0.3);
    }

    @Test
    void optionalSegmentFieldsAreOmittedAndListsAreNeverNull() throws Exception {
        JsonNode churn = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.churnRiskEnteredAtRisk())).get("payload");
        assertThat(churn.fieldNames()).toIterable().containsExactlyInAnyOrder("probabilityAlive", "rule", "model", "asOf");
        JsonNode noModel = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.churnRiskEnteredAtRiskWithoutModel())).get("payload");
        assertThat(noModel.fieldNames()).toIterable().containsExactlyInAnyOrder("rule", "asOf");

        TagsChanged none = new TagsChanged(null, null, null);
        assertThat(none.added()).isEmpty();
        assertThat(none.removed()).isEmpty();
        assertThat(none.tags()).isEmpty();
        assertThat(CODEC.encode(EventEnvelope.of("c-1", SampleEvents.AT, "segmentation-service", none)))
                .contains("\"payload\":{\"added\":[],\"removed\":[],\"tags\":[]}");

        BrowseAbandoned noProducts = new BrowseAbandoned(SampleEvents.AT, SampleEvents.AT, null, 0, 1);
        assertThat(noProducts.productIds()).isEmpty();
        assertThat(CODEC.encode(EventEnvelope.of("c-1", SampleEvents.AT, "segmentation-service", noProducts)))
                .contains("\"productIds\":[]");
    }

    @Test
    void tagsAreSortedWithoutRepeatsAndProductsKeepTheOrderFirstSeen() throws Exception {
        TagsChanged changed = new TagsChanged(List.of("SOCIAL_ENGAGED", "CATEGORY:tea", "SOCIAL_ENGAGED"), List.of(),
                new java.util.ArrayList<>(List.of("SOCIAL_ENGAGED", "PRICE_SENSITIVE", "CATEGORY:tea")));

        assertThat(changed.added()).containsExactly("CATEGORY:tea", "SOCIAL_ENGAGED");
        assertThat(changed.tags()).containsExactly("CATEGORY:tea", "PRICE_SENSITIVE", "SOCIAL_ENGAGED");
        assertThat(changed.has("PRICE_SENSITIVE")).isTrue();
        assertThat(changed).isEqualTo(new TagsChanged(List.of("CATEGORY:tea", "SOCIAL_ENGAGED"), null,
                List.of("PRICE_SENSITIVE", "SOCIAL_ENGAGED", "CATEGORY:tea")));

        BrowseAbandoned session = new BrowseAbandoned(Instant.parse("2025-03-13T08:10:00Z"),
                Instant.parse("2025-03-13T08:31:12Z"), List.of("sku-b", "sku-a", "sku-c"), 1, 3);
        String json = CODEC.encode(EventEnvelope.of("c-1", SampleEvents.AT, "segmentation-service", session));
        assertThat(json).contains("\"productIds\":[\"sku-b\",\"sku-a\",\"sku-c\"]");
        assertThat(((BrowseAbandoned) CODEC.decode(json).payload()).productIds()).containsExactly("sku-b", "sku-a", "sku-c");
    }

    @Test
    void theFeedbackTypesArePublishedOnTheFeedbackEventsTopicAndSurveyAnswersComeOnTheirOwn() {
        assertThat(EnumSet.allOf(EventType.class).stream().filter(t -> t.topic().equals(Topics.FEEDBACK_EVENTS)))
                .containsExactlyInAnyOrder(EventType.SURVEY_INVITATION, EventType.NPS_RECORDED, EventType.CSAT_RECORDED,
                        EventType.DETRACTOR_IDENTIFIED, EventType.PROMOTER_IDENTIFIED, EventType.NEGATIVE_REVIEW_DETECTED,
                        EventType.COMPLAINT_FILED, EventType.COMPLAINT_ESCALATED, EventType.SLA_BREACHED,
                        EventType.COMPLAINT_RESOLVED, EventType.FEEDBACK_ALERT);
        assertThat(EnumSet.allOf(EventType.class).stream().filter(t -> t.topic().equals(Topics.SURVEY_RESPONSES)))
                .containsExactly(EventType.SURVEY_RESPONSE_SUBMITTED);
        assertThat(EnumSet.allOf(EventType.class).stream()
                .filter(t -> t.topic().equals(Topics.FEEDBACK_EVENTS) || t.topic().equals(Topics.SURVEY_RESPONSES)))
                .allSatisfy(t -> assertThat(t.payloadType().getPackageName()).isEqualTo("org.openretention.events.feedback"));
    }

    @Test
    void compensationMoneyKeepsItsExactValueAndScaleAndPointsAreJsonIntegers() throws Exception {
        String coupon = CODEC.encode(SampleEvents.complaintResolved());
        String points = CODEC.encode(SampleEvents.complaintResolvedWithPoints());

        assertThat(coupon).contains("\"compensation\":{\"kind\":\"COUPON\",\"amount\":20.00,\"currency\":\"CNY\"");
        assertThat(((ComplaintResolved) CODEC.decode(coupon).payload()).compensation().amount()).isEqualTo(new BigDecimal("20.00"));
        assertThat(points).contains("\"compensation\":{\"kind\":\"POINTS\",\"points\":3000000000}");
        assertThat(((ComplaintResolved) CODEC.decode(points).payload()).compensation().points()).isEqualTo(3_000_000_000L);
    }

    @Test
    void sentimentScoresAndSharesAreJsonNumbers() throws Exception {
        JsonNode review = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.negativeReviewDetected())).get("payload");
        JsonNode spike = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.feedbackAlert())).get("payload");

        assertThat(review.get("sentimentScore").isNumber()).isTrue();
        assertThat(review.get("sentimentScore").doubleValue()).isEqualTo(-0.949);
        assertThat(review.at("/aspects/0/score").doubleValue()).isEqualTo(-0.912);
        assertThat(spike.get("share").doubleValue()).isEqualTo(0.5833);
        assertThat(spike.get("negatives").isIntegralNumber()).isTrue();
    }

    @Test
    void optionalFeedbackFieldsAreOmittedAndListsAreNeverNull() throws Exception {
        JsonNode nps = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.npsInvitation())).get("payload");
        assertThat(nps.fieldNames()).toIterable().containsExactlyInAnyOrder("invitationId", "survey", "orderId", "triggerEventId");
        JsonNode keyword = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.keywordAlert())).get("payload");
        assertThat(keyword.fieldNames()).toIterable().containsExactlyInAnyOrder("alertId", "kind", "ruleId", "ruleName", "keyword");
        JsonNode gift = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.complaintResolvedWithGift())).at("/payload/compensation");
        assertThat(gift.fieldNames()).toIterable().containsExactlyInAnyOrder("kind", "description");
        JsonNode none = CODEC.objectMapper().readTree(CODEC.encode(SampleEvents.complaintResolvedWithoutCompensation())).get("payload");
        assertThat(none.has("compensation")).isFalse();

        ComplaintFiled filed = new ComplaintFiled(1, ComplaintSeverity.NORMAL, ComplaintSource.MANUAL, null, null, null, SampleEvents.AT);
        assertThat(filed.aspects()).isEmpty();
        assertThat(CODEC.encode(EventEnvelope.of("c-1", SampleEvents.AT, "feedback-service", filed))).contains("\"aspects\":[]");
        NegativeReviewDetected detected = new NegativeReviewDetected(ComplaintSource.COMMENT, null, null, null, null, -0.8, "EN", null, null);
        assertThat(detected.aspects()).isEmpty();
        assertThat(CODEC.encode(EventEnvelope.of("c-1", SampleEvents.AT, "feedback-service", detected))).contains("\"aspects\":[]");
        assertThat(new ComplaintEscalated(1, ComplaintSeverity.MAJOR, null, SampleEvents.AT).reasons()).isEmpty();
    }

    @Test
    void everyEventTypeHasItsOwnSchemaOnTheClasspath() {
        Set<String> missing = EnumSet.allOf(EventType.class).stream()
                .map(EventType::schemaResource)
                .filter(r -> EventCodec.class.getClassLoader().getResource(r) == null)
                .collect(Collectors.toSet());
        assertThat(missing).isEmpty();
    }
}
