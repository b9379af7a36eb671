package org.openretention.feedback.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.SentimentLabel;

import java.time.Instant;

/** One survey answer (V1 {@code survey_response}). */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    public enum Kind { NPS, CSAT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(nullable = false)
    public short score;
    /** NPS only. */
    @Enumerated(EnumType.STRING)
    public NpsCategory category;
    /** CSAT only. */
    public Boolean satisfied;
    /** CSAT only. */
    public String touchpoint;
    @Column(name = "order_id")
    public String orderId;
    public String comment;
    @Enumerated(EnumType.STRING)
    @Column(name = "comment_sentiment")
    public SentimentLabel commentSentiment;
    @Column(name = "comment_score")
    public Double commentScore;
    /** The customer's lifecycle stage when they answered (customer_context), if known. */
    @Column(name = "lifecycle_stage")
    public String lifecycleStage;
    /** The customer's loyalty tier when they answered, if known. */
    public String tier;
    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
