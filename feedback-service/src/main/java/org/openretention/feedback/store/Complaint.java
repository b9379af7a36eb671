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
import jakarta.persistence.Version;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.RootCause;
import org.openretention.feedback.complaint.ComplaintStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One complaint (V2 {@code complaint}); its steps are {@link ComplaintAudit} rows. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "order_id")
    public String orderId;
    public String sku;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintSource source;
    public String channel;
    @Column(name = "source_ref")
    public String sourceRef;
    public String text;
    @Column(name = "sentiment_score")
    public Double sentimentScore;
    @Column(nullable = false)
    public String aspects = "";
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintSeverity severity;
    @Column(name = "severity_reasons", nullable = false)
    public String severityReasons = "";
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;
    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
    @Column(name = "first_contact_due_at", nullable = false)
    public Instant firstContactDueAt;
    @Column(name = "first_contact_at")
    public Instant firstContactAt;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "sla_breached_at")
    public Instant slaBreachedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "root_cause")
    public RootCause rootCause;
    @Enumerated(EnumType.STRING)
    @Column(name = "compensation_kind")
    public Compensation.Kind compensationKind;
    @Column(name = "compensation_points")
    public Long compensationPoints;
    @Column(name = "compensation_amount")
    public BigDecimal compensationAmount;
    @Column(name = "compensation_currency")
    public String compensationCurrency;
    @Column(name = "compensation_description")
    public String compensationDescription;
    @Version
    public int version;

    public List<FeedbackAspect> aspectList() {
        return aspects == null || aspects.isEmpty() ? List.of()
                : Arrays.stream(aspects.split(",")).map(FeedbackAspect::valueOf).sorted().toList();
    }

    public void aspects(Set<FeedbackAspect> list) {
        aspects = (list.isEmpty() ? EnumSet.noneOf(FeedbackAspect.class) : EnumSet.copyOf(list)).stream()
                .map(Enum::name).collect(Collectors.joining(","));
    }

    /** The compensation recorded at resolution, if any. */
    public Compensation compensation() {
        return compensationKind == null ? null : new Compensation(compensationKind, compensationPoints, compensationAmount,
                compensationCurrency, compensationDescription);
    }

    /** Whether the first contact came (or, not yet made, can still come) by its deadline, as far as is known now. */
    public boolean slaMet() {
        return slaBreachedAt == null && (firstContactAt == null || !firstContactAt.isAfter(firstContactDueAt));
    }
}
