package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.openretention.feedback.config.FeedbackConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The complaint reports (GET /reports/complaints): the open queue by severity and age now, and for the complaints filed
 * in a span of days (shop's zone) the SLA compliance, the resolution rate and resolution-time percentiles by severity,
 * and the root causes by week. A deadline that passed without contact counts as breached here even before the SLA sweep
 * records it.
 */
@ApplicationScoped
public class ComplaintReports {

    /** Unresolved complaints of one severity by age now: under 1 hour, 1 to 4, 4 to 24, over 24. */
    public record Queue(String severity, long total, long underOneHour, long oneToFourHours, long fourToTwentyFourHours,
                        long overADay, long breached) {
    }

    /**
     * The complaints of one severity filed in the span: how many had their first-contact deadline decided (contacted, or
     * the deadline passed) and how many of those met it; resolved (or closed since), and the hours from filing to
     * resolution at the 50th, 90th and 99th percentile.
     */
    public record Outcomes(String severity, long filed, long slaDecided, long slaMet, Double slaComplianceRate, long resolved,
                           Double resolutionRate, Double resolutionHoursP50, Double resolutionHoursP90, Double resolutionHoursP99) {
    }

    /** Resolved complaints of one root cause in the week starting {@code week} (Monday, shop's zone). */
    public record RootCauses(LocalDate week, String rootCause, long complaints) {
    }

    public record Report(LocalDate from, LocalDate to, Instant asOf, List<Queue> queue, List<Outcomes> outcomes, List<RootCauses> rootCauses) {
    }

    @Inject
    EntityManager entityManager;
    @Inject
    FeedbackConfig config;
    @Inject
    Clock clock;

    @Transactional
    @SuppressWarnings("unchecked")
    public Report report(LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime start = OffsetDateTime.ofInstant(from.atStartOfDay(config.timezone()).toInstant(), ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to.plusDays(1).atStartOfDay(config.timezone()).toInstant(), ZoneOffset.UTC);
        List<Queue> queue = new ArrayList<>();
        for (Object[] r : (List<Object[]>) entityManager.createNativeQuery("""
                        SELECT severity, count(*),
                               count(*) FILTER (WHERE filed_at > CAST(:now AS timestamptz) - interval '1 hour'),
                               count(*) FILTER (WHERE filed_at <= CAST(:now AS timestamptz) - interval '1 hour' AND filed_at > CAST(:now AS timestamptz) - interval '4 hours'),
                               count(*) FILTER (WHERE filed_at <= CAST(:now AS timestamptz) - interval '4 hours' AND filed_at > CAST(:now AS timestamptz) - interval '24 hours'),
                               count(*) FILTER (WHERE filed_at <= CAST(:now AS timestamptz) - interval '24 hours'),
                               count(*) FILTER (WHERE sla_breached_at IS NOT NULL OR first_contact_at > first_contact_due_at
                                                   OR (first_contact_at IS NULL AND first_contact_due_at < CAST(:now AS timestamptz)))
                        FROM complaint WHERE status IN ('OPEN', 'ACKNOWLEDGED', 'REOPENED')
                        GROUP BY severity ORDER BY CASE severity WHEN 'MAJOR' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END""")
                .setParameter("now", at).getResultList()) {
            queue.add(new Queue((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6])));
        }
        List<Outcomes> outcomes = new ArrayList<>();
        for (Object[] r : (List<Object[]>) entityManager.createNativeQuery("""
                        SELECT COALESCE(severity, 'ALL'), count(*),
                               count(*) FILTER (WHERE first_contact_at IS NOT NULL OR first_contact_due_at < CAST(:now AS timestamptz)),
                               count(*) FILTER (WHERE sla_breached_at IS NULL AND first_contact_at IS NOT NULL
                                                   AND first_contact_at <= first_contact_due_at),
                               count(*) FILTER (WHERE resolved_at IS NOT NULL OR status IN ('RESOLVED', 'CLOSED')),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - filed_at) / 3600.0),
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - filed_at) / 3600.0),
                               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - filed_at) / 3600.0)
                        FROM complaint WHERE filed_at >= :start AND filed_at < :end
                        GROUP BY ROLLUP (severity)
                        ORDER BY CASE COALESCE(severity, 'ALL') WHEN 'ALL' THEN 0 WHEN 'MAJOR' THEN 1 WHEN 'URGENT' THEN 2 ELSE 3 END""")
                .setParameter("now", at).setParameter("start", start).setParameter("end", end).getResultList()) {
            long filed = n(r[1]);
            long decided = n(r[2]);
            long met = n(r[3]);
            long resolved = n(r[4]);
            outcomes.add(new Outcomes((String) r[0], filed, decided, met, decided == 0 ? null : met / (double) decided, resolved,
                    filed == 0 ? null : resolved / (double) filed, d(r[5]), d(r[6]), d(r[7])));
        }
        List<RootCauses> causes = new ArrayList<>();
        for (Object[] r : (List<Object[]>) entityManager.createNativeQuery("""
                        SELECT CAST(date_trunc('week', resolved_at AT TIME ZONE :zone) AS date), root_cause, count(*)
                        FROM complaint WHERE resolved_at IS NOT NULL AND root_cause IS NOT NULL AND filed_at >= :start AND filed_at < :end
                        GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2""")
                .setParameter("zone", config.timezone().getId()).setParameter("start", start).setParameter("end", end).getResultList()) {
            causes.add(new RootCauses(Surveys.day(r[0]), (String) r[1], n(r[2])));
        }
        return new Report(from, to, now, queue, outcomes, causes);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
