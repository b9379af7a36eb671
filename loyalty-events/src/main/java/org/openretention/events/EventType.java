package org.openretention.events;

import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.feedback.ComplaintEscalated;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.CsatRecorded;
import org.openretention.events.feedback.DetractorIdentified;
import org.openretention.events.feedback.FeedbackAlert;
import org.openretention.events.feedback.NegativeReviewDetected;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.events.feedback.PromoterIdentified;
import org.openretention.events.feedback.SlaBreached;
import org.openretention.events.feedback.SurveyInvitation;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.PointsExpired;
import org.openretention.events.loyalty.PointsExpiring;
import org.openretention.events.loyalty.PointsRedeemed;
import org.openretention.events.loyalty.ReferralConverted;
import org.openretention.events.loyalty.RewardRedeemed;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.events.segments.BrowseAbandoned;
import org.openretention.events.segments.ChurnRiskFlagged;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.events.segments.RepurchaseDue;
import org.openretention.events.segments.RfmSegmentChanged;
import org.openretention.events.segments.TagsChanged;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the platform: its PascalCase name, topic, payload record, current schema version and
 * the JSON Schema file (on the classpath under {@code schemas/}) that validates the whole event.
 */
public enum EventType {
    CUSTOMER_REGISTERED(Topics.CUSTOMERS, CustomerRegistered.class, 1),
    CUSTOMER_UPDATED(Topics.CUSTOMERS, CustomerUpdated.class, 1),
    CUSTOMER_ERASED(Topics.CUSTOMERS, CustomerErased.class, 1),
    ORDER_COMPLETED(Topics.ORDERS, OrderCompleted.class, 1),
    ORDER_REFUNDED(Topics.ORDERS, OrderRefunded.class, 1),
    ORDER_CANCELLED(Topics.ORDERS, OrderCancelled.class, 1),
    INTERACTION_RECORDED(Topics.INTERACTIONS, InteractionRecorded.class, 1),
    POINTS_EARNED(Topics.LOYALTY_EVENTS, PointsEarned.class, 1),
    POINTS_REDEEMED(Topics.LOYALTY_EVENTS, PointsRedeemed.class, 1),
    POINTS_EXPIRED(Topics.LOYALTY_EVENTS, PointsExpired.class, 1),
    POINTS_EXPIRING(Topics.LOYALTY_EVENTS, PointsExpiring.class, 1),
    TIER_CHANGED(Topics.LOYALTY_EVENTS, TierChanged.class, 1),
    REWARD_REDEEMED(Topics.LOYALTY_EVENTS, RewardRedeemed.class, 1),
    REFERRAL_CONVERTED(Topics.LOYALTY_EVENTS, ReferralConverted.class, 1),
    LIFECYCLE_STAGE_CHANGED(Topics.SEGMENT_EVENTS, LifecycleStageChanged.class, 1),
    RFM_SEGMENT_CHANGED(Topics.SEGMENT_EVENTS, RfmSegmentChanged.class, 1),
    CHURN_RISK_FLAGGED(Topics.SEGMENT_EVENTS, ChurnRiskFlagged.class, 1),
    REPURCHASE_DUE(Topics.SEGMENT_EVENTS, RepurchaseDue.class, 1),
    BROWSE_ABANDONED(Topics.SEGMENT_EVENTS, BrowseAbandoned.class, 1),
    TAGS_CHANGED(Topics.SEGMENT_EVENTS, TagsChanged.class, 1),
    SURVEY_RESPONSE_SUBMITTED(Topics.SURVEY_RESPONSES, SurveyResponseSubmitted.class, 1),
    SURVEY_INVITATION(Topics.FEEDBACK_EVENTS, SurveyInvitation.class, 1),
    NPS_RECORDED(Topics.FEEDBACK_EVENTS, NpsRecorded.class, 1),
    CSAT_RECORDED(Topics.FEEDBACK_EVENTS, CsatRecorded.class, 1),
    DETRACTOR_IDENTIFIED(Topics.FEEDBACK_EVENTS, DetractorIdentified.class, 1),
    PROMOTER_IDENTIFIED(Topics.FEEDBACK_EVENTS, PromoterIdentified.class, 1),
    NEGATIVE_REVIEW_DETECTED(Topics.FEEDBACK_EVENTS, NegativeReviewDetected.class, 1),
    COMPLAINT_FILED(Topics.FEEDBACK_EVENTS, ComplaintFiled.class, 1),
    COMPLAINT_ESCALATED(Topics.FEEDBACK_EVENTS, ComplaintEscalated.class, 1),
    SLA_BREACHED(Topics.FEEDBACK_EVENTS, SlaBreached.class, 1),
    COMPLAINT_RESOLVED(Topics.FEEDBACK_EVENTS, ComplaintResolved.class, 1),
    FEEDBACK_ALERT(Topics.FEEDBACK_EVENTS, FeedbackAlert.class, 1);

    private final String topic;
    private final Class<? extends EventPayload> payloadType;
    private final int schemaVersion;

    EventType(String topic, Class<? extends EventPayload> payloadType, int schemaVersion) {
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaVersion = schemaVersion;
    }

    /** The name carried in the envelope's {@code type} field, e.g. {@code OrderCompleted}. */
    public String typeName() {
        return payloadType.getSimpleName();
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Classpath resource of the JSON Schema of the whole event (envelope and payload). */
    public String schemaResource() {
        return "schemas/" + typeName() + ".schema.json";
    }

    public static Optional<EventType> byName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName().equals(typeName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered event payload: " + payload.getClass().getName()));
    }
}
