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
import org.openretention.events.feedback.FeedbackAlert;

import java.time.Instant;

/** An alert raised by a rule (V4 {@code feedback_alert}). */
@Entity
@Table(name = "feedback_alert")
public class Alert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "rule_id", nullable = false)
    public Long ruleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackAlert.Kind kind;
    public String keyword;
    public String scope;
    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "text_id")
    public Long textId;
    @Column(nullable = false)
    public int occurrences = 1;
    public Long negatives;
    public Long texts;
    public Double share;
    @Column(name = "baseline_share")
    public Double baselineShare;
    @Column(name = "window_start")
    public Instant windowStart;
}
