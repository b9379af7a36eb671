package org.openretention.events;

import org.openretention.events.customers.ConsentChannel;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.feedback.AspectSentiment;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.ComplaintEscalated;
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
import org.openretention.events.feedback.SlaBreached;
import org.openretention.events.feedback.SurveyInvitation;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.interactions.ServiceTouchpoint;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.PointsExpired;
import org.openretention.events.loyalty.PointsExpiring;
import org.openretention.events.loyalty.PointsRedeemed;
import org.openretention.events.loyalty.PointsSource;
import org.openretention.events.loyalty.ReferralConverted;
import org.openretention.events.loyalty.RewardRedeemed;
import org.openretention.events.loyalty.RewardType;
import org.openretention.events.loyalty.TierChangeReason;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.events.segments.BrowseAbandoned;
import org.openretention.events.segments.ChurnModel;
import org.openretention.events.segments.ChurnRiskFlagged;
import org.openretention.events.segments.ChurnRule;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.events.segments.RepurchaseBasis;
import org.openretention.events.segments.RepurchaseDue;
import org.openretention.events.segments.RfmSegment;
import org.openretention.events.segments.RfmSegmentChanged;
import org.openretention.events.segments.TagsChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fully populated events of every type, for the codec tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final String CUSTOMER = "c-000123";
    static final String SOURCE = "shop-backend";
    /** The source of the events on {@link Topics#LOYALTY_EVENTS}. */
    static final String LOYALTY_SOURCE = "loyalty-service";
    /** The source of the events on {@link Topics#SEGMENT_EVENTS}. */
    static final String SEGMENT_SOURCE = "segmentation-service";
    /** The source of the events on {@link Topics#SURVEY_RESPONSES}. */
    static final String SURVEY_SOURCE = "survey-tool";
    /** The source of the events on {@link Topics#FEEDBACK_EVENTS}. */
    static final String FEEDBACK_SOURCE = "feedback-service";
    static final UUID LOT = UUID.fromString("5a0c2e7d-1b3f-4c8e-9d6a-7f2b1e4c3d10");
    static final UUID REDEMPTION = UUID.fromString("6b1d3f8e-2c40-4d9f-8e7b-803c2f5d4e21");

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

    // --- loyalty-events: published by loyalty-service -------------------------------------------------------

    /** Points of an order, pending for the return window; more than an int can hold, to show points are longs. */
    static EventEnvelope<PointsEarned> pointsEarned() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new PointsEarned(
                LOT, PointsSource.EARN, 3_000_000_000L, "ORDER", "o-98765",
                Instant.parse("2025-03-21T09:26:53.589Z"), Instant.parse("2027-03-31T16:00:00Z"),
                "3f1e4c52-8a0b-4d57-9c3e-2b7f1a6d9e10"));
    }

    /** Check-in points: no order, spendable at once. */
    static EventEnvelope<PointsEarned> pointsEarnedAtOnce() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new PointsEarned(
                UUID.fromString("7c2e409f-3d51-4ea0-9f8c-914d306e5f32"), PointsSource.EARN, 5, "CHECK_IN", null,
                AT, Instant.parse("2027-03-31T16:00:00Z"), "8d3f51a0-4e62-4fb1-a09d-a25e417f6043"));
    }

    static EventEnvelope<PointsRedeemed> pointsRedeemed() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new PointsRedeemed(REDEMPTION, 500, "rw-coupon-20", 1240));
    }

    /** Points spent on something other than a catalogue reward; the balance went down to zero. */
    static EventEnvelope<PointsRedeemed> pointsRedeemedWithoutReward() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new PointsRedeemed(
                UUID.fromString("9e4062b1-5f73-40c2-b1ae-b36f52806154"), 1240, null, 0));
    }

    static EventEnvelope<PointsExpired> pointsExpired() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new PointsExpired(120, Instant.parse("2025-03-14T09:00:00Z"), 2));
    }

    static EventEnvelope<PointsExpiring> pointsExpiring() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new PointsExpiring(120, Instant.parse("2025-04-13T09:00:00Z")));
    }

    static EventEnvelope<TierChanged> tierChanged() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new TierChanged(
                "SILVER", "GOLD", TierChangeReason.THRESHOLD_CROSSED, new BigDecimal("5000.00"), "CNY",
                Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** The first tier of a new member: no previous tier, and the entry tier is never re-evaluated. */
    static EventEnvelope<TierChanged> tierEnrolment() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new TierChanged(
                null, "MEMBER", TierChangeReason.THRESHOLD_CROSSED, BigDecimal.ZERO, "CNY", null));
    }

    static EventEnvelope<RewardRedeemed> rewardRedeemed() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new RewardRedeemed(
                REDEMPTION, "rw-coupon-20", "满200减20优惠券", RewardType.COUPON, 500, "LOYAL-7K3M-Q9XD"));
    }

    /** A free gift: no points spent, no coupon code. */
    static EventEnvelope<RewardRedeemed> freeGift() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new RewardRedeemed(
                UUID.fromString("af5173c2-6084-41d3-82bf-c47063917265"), "rw-birthday-tea", "Birthday tea sampler",
                RewardType.GIFT, 0, null));
    }

    /** The envelope's customerId is the referrer. */
    static EventEnvelope<ReferralConverted> referralConverted() {
        return EventEnvelope.of(CUSTOMER, AT, LOYALTY_SOURCE, new ReferralConverted(
                "c-000456", "LIWEI88", "o-99001", 300, 200));
    }

    // --- segment-events: published by segmentation-service --------------------------------------------------

    static final Instant AS_OF = Instant.parse("2025-03-14T02:00:00Z");

    static EventEnvelope<LifecycleStageChanged> lifecycleStageChanged() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new LifecycleStageChanged(
                LifecycleStage.AT_RISK, LifecycleStage.DORMANT, AS_OF, "Last order 183 days ago (dormant from 180 days)."));
    }

    /** The first stage of a new customer: no previous stage. */
    static EventEnvelope<LifecycleStageChanged> firstLifecycleStage() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new LifecycleStageChanged(
                null, LifecycleStage.NEW, AS_OF, "Registered 0 days ago (new for 30 days)."));
    }

    static EventEnvelope<RfmSegmentChanged> rfmSegmentChanged() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new RfmSegmentChanged(
                RfmSegment.LOYAL, RfmSegment.AT_RISK, 142, 7, new BigDecimal("1830.50"), "CNY", 2, 4, 4, AS_OF));
    }

    /** The first segment, after the first order. */
    static EventEnvelope<RfmSegmentChanged> firstRfmSegment() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new RfmSegmentChanged(
                null, RfmSegment.NEW_CUSTOMERS, 0, 1, new BigDecimal("239.80"), "CNY", 5, 1, 2, AS_OF));
    }

    static EventEnvelope<ChurnRiskFlagged> churnRiskFlagged() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new ChurnRiskFlagged(
                0.1875, ChurnRule.PROBABILITY_ALIVE_BELOW_THRESHOLD, 0.3, new BigDecimal("412.70"), "CNY",
                ChurnModel.BG_NBD, AS_OF));
    }

    /** Flagged by the lifecycle stage, with a purchase model but no value model: no threshold, no CLV. */
    static EventEnvelope<ChurnRiskFlagged> churnRiskEnteredAtRisk() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new ChurnRiskFlagged(
                0.42, ChurnRule.ENTERED_AT_RISK, null, null, null, ChurnModel.PARETO_NBD, AS_OF));
    }

    /** Flagged by the lifecycle stage before any model was fitted: no probability, no model, no CLV. */
    static EventEnvelope<ChurnRiskFlagged> churnRiskEnteredAtRiskWithoutModel() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new ChurnRiskFlagged(
                null, ChurnRule.ENTERED_AT_RISK, null, null, null, null, AS_OF));
    }

    static EventEnvelope<RepurchaseDue> repurchaseDue() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new RepurchaseDue(
                Instant.parse("2025-03-17T00:00:00Z"), RepurchaseBasis.CATEGORY_TYPICAL_INTERVAL, 45, "tea",
                Instant.parse("2025-01-31T18:20:00Z")));
    }

    /** Based on the customer's own median interval: no category. */
    static EventEnvelope<RepurchaseDue> repurchaseDueOwnInterval() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new RepurchaseDue(
                Instant.parse("2025-03-16T00:00:00Z"), RepurchaseBasis.OWN_MEDIAN_INTERVAL, 21, null,
                Instant.parse("2025-02-23T11:02:00Z")));
    }

    static EventEnvelope<BrowseAbandoned> browseAbandoned() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new BrowseAbandoned(
                Instant.parse("2025-03-13T08:10:00Z"), Instant.parse("2025-03-13T08:31:12.400Z"),
                List.of("sku-tea-01", "sku-cup-07", "sku-tea-03"), 1, 5));
    }

    /** Views the shop sent without a sku: no products. */
    static EventEnvelope<BrowseAbandoned> browseAbandonedWithoutProducts() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new BrowseAbandoned(
                Instant.parse("2025-03-13T08:10:00Z"), Instant.parse("2025-03-13T08:12:00Z"), List.of(), 0, 2));
    }

    static EventEnvelope<TagsChanged> tagsChanged() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new TagsChanged(
                List.of("PRICE_SENSITIVE"), List.of("QUALITY_SEEKER"), List.of("CATEGORY:tea", "PRICE_SENSITIVE", "SOCIAL_ENGAGED")));
    }

    /** The last tag removed: an empty set. */
    static EventEnvelope<TagsChanged> lastTagRemoved() {
        return EventEnvelope.of(CUSTOMER, AT, SEGMENT_SOURCE, new TagsChanged(List.of(), List.of("SOCIAL_ENGAGED"), List.of()));
    }

    // --- survey-responses: published by the shop's survey tool ----------------------------------------------

    static final UUID INVITATION = UUID.fromString("c3e1a5d7-8f20-4b6c-9a14-2d7e6f0b8c31");
    /** The {@code OrderCompleted} an invitation follows. */
    static final UUID TRIGGER = UUID.fromString("d4f2b6e8-9031-4c7d-8b25-3e8f701c9d42");
    static final Instant ANSWERED_AT = Instant.parse("2025-03-14T09:20:11Z");

    /** An NPS answer to an invitation, with a comment; NPS has no touchpoint. */
    static EventEnvelope<SurveyResponseSubmitted> surveyResponseSubmitted() {
        return EventEnvelope.of(CUSTOMER, AT, SURVEY_SOURCE, new SurveyResponseSubmitted(
                SurveyKind.NPS, 3, null, "物流太慢了，茶叶罐也压坏了。", "o-98765", INVITATION));
    }

    /** A CSAT answer rates a touchpoint, here one of the shop's own; given without an invitation or a comment. */
    static EventEnvelope<SurveyResponseSubmitted> csatResponseSubmitted() {
        return EventEnvelope.of(CUSTOMER, AT, SURVEY_SOURCE, new SurveyResponseSubmitted(
                SurveyKind.CSAT, 4, "IN_STORE_PICKUP", null, null, null));
    }

    // --- feedback-events: published by feedback-service -----------------------------------------------------

    static final Instant FIRST_CONTACT_DUE = Instant.parse("2025-03-14T09:56:53Z");

    /** CSAT of a delivery: a touchpoint to rate. */
    static EventEnvelope<SurveyInvitation> surveyInvitation() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new SurveyInvitation(
                INVITATION, SurveyKind.CSAT, "DELIVERY", "o-98765", TRIGGER));
    }

    /** NPS after an order: no touchpoint. */
    static EventEnvelope<SurveyInvitation> npsInvitation() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new SurveyInvitation(
                UUID.fromString("e5031c7f-a142-4d8e-9c36-4f90812dae53"), SurveyKind.NPS, null, "o-98765", TRIGGER));
    }

    static EventEnvelope<NpsRecorded> npsRecorded() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new NpsRecorded(
                4211, 3, NpsCategory.DETRACTOR, "o-98765", SentimentLabel.NEGATIVE, ANSWERED_AT));
    }

    /** A promoter who wrote no comment, about no order. */
    static EventEnvelope<NpsRecorded> npsRecordedWithoutComment() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new NpsRecorded(
                4212, 10, NpsCategory.PROMOTER, null, null, ANSWERED_AT));
    }

    static EventEnvelope<CsatRecorded> csatRecorded() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new CsatRecorded(
                4213, 2, false, "DELIVERY", "o-98765", SentimentLabel.NEGATIVE, ANSWERED_AT));
    }

    /** Satisfied with support, no comment, no order. */
    static EventEnvelope<CsatRecorded> csatRecordedSatisfied() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new CsatRecorded(
                4214, 5, true, "SUPPORT", null, null, ANSWERED_AT));
    }

    static EventEnvelope<DetractorIdentified> detractorIdentified() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new DetractorIdentified(
                4211, 3, "o-98765", SentimentLabel.NEGATIVE, ANSWERED_AT));
    }

    /** A detractor who wrote no comment, about no order. */
    static EventEnvelope<DetractorIdentified> detractorWithoutComment() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new DetractorIdentified(4215, 0, null, null, ANSWERED_AT));
    }

    static EventEnvelope<PromoterIdentified> promoterIdentified() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new PromoterIdentified(4212, 10, ANSWERED_AT));
    }

    /** A one-star review that crossed the automatic-complaint threshold. */
    static EventEnvelope<NegativeReviewDetected> negativeReviewDetected() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new NegativeReviewDetected(
                ComplaintSource.REVIEW, UUID.fromString("f6142d80-b253-4e9f-8d47-50a1923ebf64"), "sku-tea-01", "o-98765",
                1, -0.949, "ZH",
                List.of(new AspectSentiment(FeedbackAspect.PRODUCT_QUALITY, SentimentLabel.NEGATIVE, -0.912),
                        new AspectSentiment(FeedbackAspect.LOGISTICS, SentimentLabel.POSITIVE, 0.5),
                        new AspectSentiment(FeedbackAspect.PACKAGING, SentimentLabel.NEGATIVE, -0.6)),
                1187L));
    }

    /** The comment of an answer recorded over the API: no source event, no rating, no aspect named, no complaint. */
    static EventEnvelope<NegativeReviewDetected> negativeSurveyComment() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new NegativeReviewDetected(
                ComplaintSource.SURVEY_COMMENT, null, null, null, null, -1.0, "EN", List.of(), null));
    }

    /** Filed by support from a phone call. */
    static EventEnvelope<ComplaintFiled> complaintFiled() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintFiled(
                1186, ComplaintSeverity.URGENT, ComplaintSource.MANUAL, "PHONE", "o-98765",
                List.of(FeedbackAspect.LOGISTICS, FeedbackAspect.PACKAGING), FIRST_CONTACT_DUE));
    }

    /** Opened from a review: no channel, no order, no aspect named. */
    static EventEnvelope<ComplaintFiled> complaintFiledFromAReview() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintFiled(
                1187, ComplaintSeverity.MAJOR, ComplaintSource.REVIEW, null, null, List.of(), FIRST_CONTACT_DUE));
    }

    static EventEnvelope<ComplaintEscalated> complaintEscalated() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintEscalated(
                1187, ComplaintSeverity.MAJOR, List.of("safety: 爆炸", "made in public"), FIRST_CONTACT_DUE));
    }

    static EventEnvelope<SlaBreached> slaBreached() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new SlaBreached(1186, ComplaintSeverity.URGENT, FIRST_CONTACT_DUE));
    }

    static EventEnvelope<ComplaintResolved> complaintResolved() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintResolved(
                1186, ComplaintSeverity.URGENT, RootCause.LOGISTICS,
                new Compensation(Compensation.Kind.COUPON, null, new BigDecimal("20.00"), "CNY", "满100减20, for the late parcel"),
                Instant.parse("2025-03-13T16:02:40Z"), false));
    }

    static EventEnvelope<ComplaintResolved> complaintResolvedWithPoints() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintResolved(
                1188, ComplaintSeverity.NORMAL, RootCause.SERVICE_ATTITUDE,
                new Compensation(Compensation.Kind.POINTS, 3_000_000_000L, null, null, null),
                Instant.parse("2025-03-12T10:00:00Z"), true));
    }

    static EventEnvelope<ComplaintResolved> complaintResolvedWithRefund() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintResolved(
                1187, ComplaintSeverity.MAJOR, RootCause.PRODUCT_QUALITY,
                new Compensation(Compensation.Kind.REFUND, null, new BigDecimal("119.90"), "CNY", null),
                Instant.parse("2025-03-13T21:15:00Z"), true));
    }

    /** A gift carries no points and no amount. */
    static EventEnvelope<ComplaintResolved> complaintResolvedWithGift() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintResolved(
                1189, ComplaintSeverity.NORMAL, RootCause.PACKAGING,
                new Compensation(Compensation.Kind.GIFT, null, null, null, "Tea sampler sent with the replacement"),
                Instant.parse("2025-03-11T08:30:00Z"), true));
    }

    static EventEnvelope<ComplaintResolved> complaintResolvedWithoutCompensation() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new ComplaintResolved(
                1190, ComplaintSeverity.NORMAL, RootCause.OTHER, null, Instant.parse("2025-03-10T14:45:00Z"), true));
    }

    /** A spike of negative reviews of one product. */
    static EventEnvelope<FeedbackAlert> feedbackAlert() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new FeedbackAlert(
                77, FeedbackAlert.Kind.NEGATIVE_SPIKE, 3, "Longjing reviews", null, "sku-tea-01",
                7L, 12L, 0.5833, 0.1, Instant.parse("2025-03-14T08:26:53Z")));
    }

    /** A watch list's word, in every text: no product, no spike figures. */
    static EventEnvelope<FeedbackAlert> keywordAlert() {
        return EventEnvelope.of(CUSTOMER, AT, FEEDBACK_SOURCE, new FeedbackAlert(
                78, FeedbackAlert.Kind.KEYWORD, 1, "Safety words", "爆炸", null, null, null, null, null, null));
    }

    /** The source the events of {@code type} are published by. */
    static String sourceOf(EventType type) {
        return switch (type.topic()) {
            case Topics.LOYALTY_EVENTS -> LOYALTY_SOURCE;
            case Topics.SEGMENT_EVENTS -> SEGMENT_SOURCE;
            case Topics.SURVEY_RESPONSES -> SURVEY_SOURCE;
            case Topics.FEEDBACK_EVENTS -> FEEDBACK_SOURCE;
            default -> SOURCE;
        };
    }

    /**
     * One event of every type and every interaction kind, the loyalty, segment and feedback events without their
     * optional fields, and each shape of the survey answers and invitations, of a compensation and of an alert.
     */
    static List<EventEnvelope<?>> all() {
        return List.of(customerRegistered(), customerUpdated(), customerErased(),
                orderCompleted(), orderRefunded(), orderCancelled(),
                review(), comment(), serviceContact(), checkIn(),
                onProduct(InteractionKind.PRODUCT_VIEW), onProduct(InteractionKind.CART_ADD),
                onProduct(InteractionKind.LIKE), onProduct(InteractionKind.SHARE),
                pointsEarned(), pointsEarnedAtOnce(), pointsRedeemed(), pointsRedeemedWithoutReward(),
                pointsExpired(), pointsExpiring(), tierChanged(), tierEnrolment(),
                rewardRedeemed(), freeGift(), referralConverted(),
                lifecycleStageChanged(), firstLifecycleStage(), rfmSegmentChanged(), firstRfmSegment(),
                churnRiskFlagged(), churnRiskEnteredAtRisk(), churnRiskEnteredAtRiskWithoutModel(), repurchaseDue(), repurchaseDueOwnInterval(),
                browseAbandoned(), browseAbandonedWithoutProducts(), tagsChanged(), lastTagRemoved(),
                surveyResponseSubmitted(), csatResponseSubmitted(), surveyInvitation(), npsInvitation(),
                npsRecorded(), npsRecordedWithoutComment(), csatRecorded(), csatRecordedSatisfied(),
                detractorIdentified(), detractorWithoutComment(), promoterIdentified(),
                negativeReviewDetected(), negativeSurveyComment(), complaintFiled(), complaintFiledFromAReview(),
                complaintEscalated(), slaBreached(), complaintResolved(), complaintResolvedWithPoints(),
                complaintResolvedWithRefund(), complaintResolvedWithGift(), complaintResolvedWithoutCompensation(),
                feedbackAlert(), keywordAlert());
    }

    /** The first, fully populated, sample of {@code type}. */
    static EventEnvelope<?> of(EventType type) {
        return all().stream().filter(e -> e.eventType() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample of " + type));
    }
}
