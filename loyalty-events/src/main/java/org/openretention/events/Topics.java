package org.openretention.events;

/** Kafka topic names. Input topics are published by the shop backend; output topics by the service named. */
public final class Topics {
    public static final String CUSTOMERS = "customers";
    public static final String ORDERS = "orders";
    public static final String INTERACTIONS = "interactions";
    /** Survey answers, published by the shop's survey tool or backend. */
    public static final String SURVEY_RESPONSES = "survey-responses";

    /** Published by loyalty-service. */
    public static final String LOYALTY_EVENTS = "loyalty-events";
    /** Published by segmentation-service. */
    public static final String SEGMENT_EVENTS = "segment-events";
    /** Published by campaign-service. */
    public static final String CAMPAIGN_EVENTS = "campaign-events";
    /** Published by campaign-service: messages for the shop's delivery channels. */
    public static final String OUTBOUND_MESSAGES = "outbound-messages";
    /** Published by feedback-service. */
    public static final String FEEDBACK_EVENTS = "feedback-events";

    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
