package org.openretention.events;

import org.openretention.events.customers.ConsentChannel;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
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

    /** The source the events of {@code type} are published by. */
    static String sourceOf(EventType type) {
        return switch (type.topic()) {
            case Topics.LOYALTY_EVENTS -> LOYALTY_SOURCE;
            case Topics.SEGMENT_EVENTS -> SEGMENT_SOURCE;
            default -> SOURCE;
        };
    }

    /**
     * One event of every type and every interaction kind, and the loyalty and segment events without their optional
     * fields.
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
                browseAbandoned(), browseAbandonedWithoutProducts(), tagsChanged(), lastTagRemoved());
    }

    /** The first, fully populated, sample of {@code type}. */
    static EventEnvelope<?> of(EventType type) {
        return all().stream().filter(e -> e.eventType() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample of " + type));
    }
}
