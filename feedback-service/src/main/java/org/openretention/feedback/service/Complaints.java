package org.openretention.feedback.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.Topics;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.ComplaintEscalated;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.RootCause;
import org.openretention.events.feedback.SlaBreached;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.feedback.complaint.ComplaintStatus;
import org.openretention.feedback.complaint.SeverityGrader;
import org.openretention.feedback.complaint.SlaPolicy;
import org.openretention.feedback.config.FeedbackConfig;
import org.openretention.feedback.sentiment.Sentiment;
import org.openretention.feedback.sentiment.SentimentAnalyzer;
import org.openretention.feedback.store.Complaint;
import org.openretention.feedback.store.ComplaintAudit;
import org.openretention.feedback.store.CustomerContext;
import org.openretention.platform.messaging.Outbox;
import org.openretention.platform.rest.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Complaints: filed by support or opened by a strongly negative text, graded ({@link SeverityGrader}), given a
 * first-contact deadline ({@link SlaPolicy}), moved through their lifecycle ({@link ComplaintStatus}) with every step
 * audited, and published on {@code feedback-events} through the outbox in the transaction of the change
 * (docs/feedback.md "Complaints").
 */
@ApplicationScoped
public class Complaints {

    private static final Logger LOG = Logger.getLogger(Complaints.class);
    /** The most the SLA sweep handles in one transaction; the rest wait for the next sweep. */
    static final int SWEEP_BATCH = 500;

    /** A complaint as support files it. */
    public record Filing(String customerId, String orderId, String sku, String channel, String text, boolean inPublic) {
    }

    /** What resolving records. */
    public record Resolution(RootCause rootCause, Compensation compensation) {
    }

    @Inject
    SentimentAnalyzer sentiment;
    @Inject
    SeverityGrader grader;
    @Inject
    SlaPolicy sla;
    @Inject
    FeedbackConfig config;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** Files a complaint support heard of (source MANUAL), at the current time. */
    @Transactional
    public Complaint file(Filing filing, String actor) {
        Sentiment read = read(filing.text());
        return open(filing.customerId(), filing.orderId(), filing.sku(), ComplaintSource.MANUAL, filing.channel(), null,
                filing.text(), read, filing.inPublic(), clock.instant(), actor);
    }

    /**
     * Opens a complaint from a strongly negative text, written at {@code at}, unless the customer has an unresolved
     * complaint about the same order (or, without an order, the same product; without either, any unresolved automatic
     * complaint): then the text is linked to that one in its audit trail. Runs in the caller's transaction.
     *
     * @param sourceRef the event or answer the text came in: a text is never filed twice
     * @return the complaint opened or linked to
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Complaint fileAutomatically(ComplaintSource source, String sourceRef, String customerId, String orderId, String sku,
                                       String text, Sentiment read, Instant at) {
        Optional<Complaint> already = Complaint.find("sourceRef", sourceRef).firstResultOptional();
        if (already.isPresent()) {
            return already.get();
        }
        Optional<Complaint> unresolved = unresolvedAbout(customerId, orderId, sku);
        if (unresolved.isPresent()) {
            Complaint existing = unresolved.get();
            ComplaintAudit.record(existing, ComplaintAudit.Action.LINKED, existing.status, ComplaintAudit.SYSTEM, clock.instant(),
                    "another " + source + " (" + sourceRef + "), sentiment " + String.format(java.util.Locale.ROOT, "%.2f", read.score())
                            + ": " + abbreviate(text));
            return existing;
        }
        return open(customerId, orderId, sku, source, null, sourceRef, text, read, source != ComplaintSource.SURVEY_COMMENT, at,
                ComplaintAudit.SYSTEM);
    }

    private Optional<Complaint> unresolvedAbout(String customerId, String orderId, String sku) {
        String open = "customerId = :customer and status in :open";
        Parameters p = Parameters.with("customer", customerId).and("open", unresolved());
        if (orderId != null) {
            return Complaint.find(open + " and orderId = :order", p.and("order", orderId)).firstResultOptional();
        }
        if (sku != null) {
            return Complaint.find(open + " and orderId is null and sku = :sku", p.and("sku", sku)).firstResultOptional();
        }
        return Complaint.find(open + " and orderId is null and sku is null and source <> :manual", p.and("manual", ComplaintSource.MANUAL))
                .firstResultOptional();
    }

    private Complaint open(String customerId, String orderId, String sku, ComplaintSource source, String channel, String sourceRef,
                           String text, Sentiment read, boolean inPublic, Instant filedAt, String actor) {
        Instant at = filedAt.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: the events say what the row says
        Instant since = at.minus(config.complaints().repeatLookBack());
        int earlier = (int) Complaint.count("customerId = ?1 and filedAt >= ?2 and filedAt <= ?3", customerId, since, at);
        SeverityGrader.Grade grade = grader.grade(new SeverityGrader.Complaint(text == null ? "" : text, read.score(),
                highNetWorth(customerId), earlier, inPublic));
        Complaint c = new Complaint();
        c.customerId = customerId;
        c.orderId = orderId;
        c.sku = sku;
        c.source = source;
        c.channel = channel;
        c.sourceRef = sourceRef;
        c.text = text;
        c.sentimentScore = text == null || text.isBlank() ? null : read.score();
        c.aspects(aspects(read));
        c.severity = grade.severity();
        c.severityReasons = String.join("; ", grade.reasons());
        c.status = ComplaintStatus.OPEN;
        c.filedAt = at;
        c.firstContactDueAt = sla.firstContactDue(grade.severity(), at);
        c.persist();
        ComplaintAudit.record(c, ComplaintAudit.Action.FILED, null, actor, clock.instant(),
                grade.severity() + " (" + grade.points() + " points" + (grade.reasons().isEmpty() ? "" : ": " + c.severityReasons) + ")");
        publish(c, at, new ComplaintFiled(c.id, c.severity, c.source, c.channel, c.orderId, c.aspectList(), c.firstContactDueAt));
        if (c.severity == ComplaintSeverity.MAJOR) {
            escalate(c, grade.reasons(), at, actor);
        }
        LOG.debugf("Complaint %d filed: %s, %s, due %s", c.id, c.source, c.severity, c.firstContactDueAt);
        return c;
    }

    private void escalate(Complaint c, List<String> reasons, Instant at, String actor) {
        c.escalatedAt = at;
        ComplaintAudit.record(c, ComplaintAudit.Action.ESCALATED, c.status, actor, clock.instant(), "to management: MAJOR");
        publish(c, at, new ComplaintEscalated(c.id, c.severity, reasons.isEmpty() ? List.of("graded MAJOR") : reasons, c.firstContactDueAt));
    }

    /**
     * Acknowledges (the first contact), resolves, closes or reopens complaint {@code id} as {@code actor}, now.
     *
     * @throws ProblemException 404 for an unknown complaint, 409 for a step the lifecycle does not allow, 400 for a
     *                          resolution without a root cause
     */
    @Transactional
    public Complaint act(long id, ComplaintStatus.Action action, String actor, String note, Resolution resolution) {
        Complaint c = find(id);
        ComplaintStatus from = c.status;
        ComplaintStatus to;
        try {
            to = from.after(action);
        } catch (ComplaintStatus.IllegalTransition e) {
            throw ProblemException.conflict("complaint " + id + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        switch (action) {
            case ACKNOWLEDGE -> {
                if (c.firstContactAt == null) {
                    c.firstContactAt = now;
                }
            }
            case RESOLVE -> {
                if (resolution == null || resolution.rootCause() == null) {
                    throw ProblemException.invalidField("rootCause", "is required to resolve a complaint");
                }
                c.rootCause = resolution.rootCause();
                Compensation comp = resolution.compensation();
                c.compensationKind = comp == null ? null : comp.kind();
                c.compensationPoints = comp == null ? null : comp.points();
                c.compensationAmount = comp == null ? null : comp.amount();
                c.compensationCurrency = comp == null ? null : comp.currency();
                c.compensationDescription = comp == null ? null : comp.description();
                c.resolvedAt = now;
            }
            case CLOSE -> c.closedAt = now;
            case REOPEN -> {
                c.resolvedAt = null;
                c.closedAt = null;
            }
        }
        c.status = to;
        ComplaintAudit.record(c, switch (action) {
            case ACKNOWLEDGE -> ComplaintAudit.Action.ACKNOWLEDGED;
            case RESOLVE -> ComplaintAudit.Action.RESOLVED;
            case CLOSE -> ComplaintAudit.Action.CLOSED;
            case REOPEN -> ComplaintAudit.Action.REOPENED;
        }, from, actor, now, note);
        if (action == ComplaintStatus.Action.ACKNOWLEDGE) {
            breachIfLate(c, now);
        }
        if (action == ComplaintStatus.Action.RESOLVE) {
            publish(c, now, new ComplaintResolved(c.id, c.severity, c.rootCause, c.compensation(), c.filedAt, c.slaMet()));
        }
        return c;
    }

    /**
     * Regrades complaint {@code id} to {@code severity}, with the reason, as {@code actor}. The first-contact deadline,
     * while no contact was made, moves: earlier for a higher severity (never later than it was, counted from now),
     * later for a lower one (never earlier than it was, counted from the filing). A regrade to MAJOR escalates.
     */
    @Transactional
    public Complaint regrade(long id, ComplaintSeverity severity, String reason, String actor) {
        Complaint c = find(id);
        if (!c.status.open()) {
            throw ProblemException.conflict("complaint " + id + " is " + c.status + ": only an unresolved complaint is regraded");
        }
        if (c.severity == severity) {
            throw ProblemException.conflict("complaint " + id + " is " + severity + " already");
        }
        Instant now = clock.instant();
        ComplaintSeverity before = c.severity;
        c.severity = severity;
        if (c.firstContactAt == null && c.slaBreachedAt == null) {
            Instant due = severity.compareTo(before) > 0
                    ? min(c.firstContactDueAt, sla.firstContactDue(severity, now))
                    : max(c.firstContactDueAt, sla.firstContactDue(severity, c.filedAt));
            c.firstContactDueAt = due;
        }
        c.severityReasons = "regraded from " + before + ": " + reason;
        ComplaintAudit.record(c, ComplaintAudit.Action.REGRADED, c.status, actor, now, before + " → " + severity + ": " + reason
                + "; first contact due " + c.firstContactDueAt);
        if (severity == ComplaintSeverity.MAJOR && c.escalatedAt == null) {
            escalate(c, List.of("regraded by " + actor + ": " + reason), now, actor);
        }
        return c;
    }

    /**
     * Records and publishes, once each, the first-contact breaches as of {@code now}: complaints not contacted by their
     * deadline. A breach is decided from the stored instants ({@link SlaPolicy#breached}) and marked in the transaction
     * that publishes it, so a restart neither loses nor repeats one; concurrent sweeps skip each other's rows.
     *
     * @return the breaches recorded
     */
    @Transactional
    public int sweepBreaches(Instant now) {
        List<Complaint> due = Complaint.find("slaBreachedAt is null and firstContactDueAt < ?1 "
                        + "and (firstContactAt is null or firstContactAt > firstContactDueAt)", Sort.by("firstContactDueAt").and("id"), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(Page.ofSize(SWEEP_BATCH)).list();
        for (Complaint c : due) {
            breachIfLate(c, now);
        }
        return due.size();
    }

    private void breachIfLate(Complaint c, Instant now) {
        if (c.slaBreachedAt == null && SlaPolicy.breached(c.firstContactDueAt, c.firstContactAt, now)) {
            c.slaBreachedAt = c.firstContactDueAt;
            ComplaintAudit.record(c, ComplaintAudit.Action.SLA_BREACHED, c.status, ComplaintAudit.SYSTEM, now,
                    "first contact was due " + c.firstContactDueAt + (c.firstContactAt == null ? "" : ", made " + c.firstContactAt));
            publish(c, c.firstContactDueAt, new SlaBreached(c.id, c.severity, c.firstContactDueAt));
        }
    }

    @Transactional
    public Complaint find(long id) {
        return Complaint.<Complaint>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no complaint " + id));
    }

    /** Whether the customer has an unresolved complaint: they are not invited to surveys then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasUnresolved(String customerId) {
        return Complaint.count("customerId = ?1 and status in ?2", customerId, unresolved()) > 0;
    }

    static Set<ComplaintStatus> unresolved() {
        EnumSet<ComplaintStatus> open = EnumSet.noneOf(ComplaintStatus.class);
        for (ComplaintStatus s : ComplaintStatus.values()) {
            if (s.open()) {
                open.add(s);
            }
        }
        return open;
    }

    private boolean highNetWorth(String customerId) {
        CustomerContext context = CustomerContext.findById(customerId);
        return context != null && (LifecycleStage.HIGH_NET_WORTH.name().equals(context.lifecycleStage)
                || (context.tier != null && config.complaints().highValueTiers().contains(context.tier)));
    }

    private Sentiment read(String text) {
        return text == null || text.isBlank() ? sentiment.analyze("") : sentiment.analyze(text);
    }

    static Set<FeedbackAspect> aspects(Sentiment read) {
        Set<FeedbackAspect> aspects = EnumSet.noneOf(FeedbackAspect.class);
        for (Sentiment.AspectSentiment a : read.aspects()) {
            aspects.add(a.aspect());
        }
        return aspects;
    }

    private void publish(Complaint c, Instant at, EventPayload payload) {
        outbox.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(c.customerId, at, config.eventSource(), payload));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A page of complaints and how many match in all. */
    public record Listing(List<Complaint> items, long total) {
    }

    /** The complaints matching the filters, most pressing deadline first; {@code null} filters match everything. */
    @Transactional
    public Listing list(ComplaintStatus status, ComplaintSeverity severity, Boolean breached, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (status != null) {
            where.add("status = :status");
            p = p.and("status", status);
        }
        if (severity != null) {
            where.add("severity = :severity");
            p = p.and("severity", severity);
        }
        if (breached != null) {
            where.add(breached ? "slaBreachedAt is not null" : "slaBreachedAt is null");
        }
        Sort sort = Sort.by("firstContactDueAt").and("id");
        var query = where.isEmpty() ? Complaint.<Complaint>findAll(sort) : Complaint.<Complaint>find(String.join(" and ", where), sort, p);
        return new Listing(query.page(Page.of(page, size)).list(), query.count());
    }
}
