package org.openretention.segmentation.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What feedback-service reported of a customer (V7 {@code customer_feedback}, written by service.FeedbackSignals), read by the profile API. */
@Entity
@Table(name = "customer_feedback")
public class CustomerFeedbackEntity extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "nps_score")
    public Short npsScore;
    @Column(name = "nps_at")
    public Instant npsAt;
    @Column(name = "csat_score")
    public Short csatScore;
    @Column(name = "csat_touchpoint")
    public String csatTouchpoint;
    @Column(name = "csat_at")
    public Instant csatAt;
    @Column(name = "open_complaints", nullable = false)
    public int openComplaints;
}
