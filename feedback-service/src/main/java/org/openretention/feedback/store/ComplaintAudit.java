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
import org.openretention.feedback.complaint.ComplaintStatus;

import java.time.Instant;
import java.util.List;

/** One step of a complaint (V2 {@code complaint_audit}): who did what, when, with what note. Never updated. */
@Entity
@Table(name = "complaint_audit")
public class ComplaintAudit extends PanacheEntityBase {

    /** What happened. */
    public enum Action { FILED, ESCALATED, ACKNOWLEDGED, RESOLVED, CLOSED, REOPENED, REGRADED, SLA_BREACHED, LINKED }

    /** The actor of what the service does by itself. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "complaint_id", nullable = false)
    public Long complaintId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ComplaintStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ComplaintStatus toStatus;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public Instant at;
    public String note;

    public static ComplaintAudit record(Complaint complaint, Action action, ComplaintStatus from, String actor, Instant at, String note) {
        ComplaintAudit step = new ComplaintAudit();
        step.complaintId = complaint.id;
        step.action = action;
        step.fromStatus = from;
        step.toStatus = complaint.status;
        step.actor = actor;
        step.at = at;
        step.note = note;
        step.persist();
        return step;
    }

    public static List<ComplaintAudit> of(long complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }
}
