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
import org.openretention.events.feedback.SentimentLabel;

import java.time.Instant;
import java.util.UUID;

/** A review, comment or service-contact note a customer wrote, with its sentiment (V3 {@code customer_text}). */
@Entity
@Table(name = "customer_text")
public class CustomerText extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    /** REVIEW, COMMENT or SERVICE_CONTACT (InteractionKind names). */
    @Column(nullable = false)
    public String kind;
    public String sku;
    public String category;
    @Column(name = "order_id")
    public String orderId;
    public Short rating;
    public String touchpoint;
    public String text;
    @Column(nullable = false)
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SentimentLabel sentiment;
    @Column(nullable = false)
    public double score;
    @Column(nullable = false)
    public String aspects = "";
    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;
    @Column(name = "complaint_id")
    public Long complaintId;
}
