package org.openretention.loyalty.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.loyalty.member.DueMembers;
import org.openretention.loyalty.member.MemberStore;
import org.openretention.loyalty.member.MemberSession;
import org.openretention.loyalty.member.Referral;
import org.openretention.loyalty.member.ReferralConversions;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.platform.config.PlatformConfig;
import org.openretention.platform.jobs.ClusterJobs;
import org.openretention.platform.messaging.StreamPositions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What time alone changes, for every member: pending points released (and debts settled from them), lots
 * expired, tiers requalified on their anniversary, birthday gifts given, referrals converted once the referee's
 * first order survived its return window, and {@code PointsExpiring} sent ahead of expiry. Runs in one instance at
 * a time (a cluster-wide job lock), on a schedule and on demand, both through {@link #runNow()} or, for any
 * {@code asOf} instant, {@link #runAsOf(Instant)}; every rule is evaluated in event time, so the result does not
 * depend on when the job happens to run.
 */
@ApplicationScoped
public class LedgerMaintenance {

    private static final Logger LOG = Logger.getLogger(LedgerMaintenance.class);
    private static final int MAX_ROUNDS = 10_000;
    private static final String JOB = "loyalty-ledger-maintenance";

    /** What one run did: the members brought up to {@code asOf} and the referrals converted by then. */
    public record Run(Instant asOf, int members, int referralsConverted) {
    }

    private final MemberStore store;
    private final DueMembers dueMembers;
    private final ReferralConversions referralConversions;
    private final ProgrammeRepository programmes;
    private final LoyaltyIntake intake;
    private final ClusterJobs jobs;
    private final LoyaltyConfig config;
    private final Clock clock;
    private final StreamPositions positions;
    private final PlatformConfig platform;

    @Inject
    public LedgerMaintenance(MemberStore store, DueMembers dueMembers, ReferralConversions referralConversions,
                             ProgrammeRepository programmes, LoyaltyIntake intake, ClusterJobs jobs, LoyaltyConfig config, Clock clock, StreamPositions positions, PlatformConfig platform) {
        this.positions = positions;
        this.platform = platform;
        this.store = store;
        this.dueMembers = dueMembers;
        this.referralConversions = referralConversions;
        this.programmes = programmes;
        this.intake = intake;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${loyalty.maintenance-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runNow().filter(run -> run.members() + run.referralsConverted() > 0).ifPresent(run ->
                LOG.infof("Ledger maintenance as of %s: %d members brought up to date, %d referrals converted",
                        run.asOf(), run.members(), run.referralsConverted()));
    }

    /**
     * Runs as of now by the injected clock, or, while input is still being caught up, as of the time up to which
     * all of it has been applied: never ahead of events not applied yet, whose older times must come first.
     *
     * @return what the run did; empty when a run is in progress already (in this or another instance)
     */
    public Optional<Run> runNow() {
        return runExclusively(this::settledNow);
    }

    /**
     * Brings every member whose state time changes by {@code asOf} up to it, unless a run is in progress already.
     * Safe to run repeatedly, for any instant (catching up, audits, what-if checks).
     *
     * @return what the run did; empty when a run is in progress already (in this or another instance)
     */
    public Optional<Run> runAsOf(Instant asOf) {
        return runExclusively(() -> asOf);
    }

    /** Runs as of the instant {@code asOf} gives once this instance holds the job's lock, if no run holds it. */
    private Optional<Run> runExclusively(Supplier<Instant> asOf) {
        Run[] run = new Run[1];
        return jobs.runExclusively(JOB, () -> run[0] = bringUpTo(asOf.get())) ? Optional.of(run[0]) : Optional.empty();
    }

    private Instant settledNow() {
        Instant now = clock.instant();
        Instant asOf = positions.settledUntil(now, platform.intake().settleAfter());
        if (asOf.isBefore(now)) {
            LOG.infof("Input is still catching up (applied up to %s); ledger maintenance runs as of then", asOf);
        }
        return asOf;
    }

    private Run bringUpTo(Instant asOf) {
        int members = 0;
        int referrals = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int done = QuarkusTransaction.requiringNew().call(() -> convertReferrals(asOf));
            referrals += done;
            if (done < config.maintenanceBatch()) {
                break;
            }
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int done = QuarkusTransaction.requiringNew().call(() -> advanceDueMembers(asOf));
            members += done;
            if (done < config.maintenanceBatch()) {
                break;
            }
        }
        return new Run(asOf, members, referrals);
    }

    private int advanceDueMembers(Instant asOf) {
        List<String> due = dueMembers.dueBy(asOf, config.maintenanceBatch());
        if (due.isEmpty()) {
            return 0;
        }
        Programme programme = programmes.current();
        Map<String, MemberSession> sessions = store.load(due, asOf.atZone(programme.zone()).minusMonths(MemberStore.ORDER_HORIZON_MONTHS).toInstant(), Map.of(),
                asOf.atZone(programme.zone()).toLocalDate(), programme);
        for (MemberSession session : sessions.values()) {
            session.advanceTo(asOf);
            session.noticeExpiringPoints(asOf);
        }
        intake.save(sessions.values());
        return due.size();
    }

    private int convertReferrals(Instant asOf) {
        List<Referral> due = referralConversions.due(asOf, config.maintenanceBatch());
        if (due.isEmpty()) {
            return 0;
        }
        Programme programme = programmes.current();
        List<String> ids = new ArrayList<>();
        due.forEach(r -> {
            ids.add(r.refereeId());
            ids.add(r.referrerId());
        });
        Map<String, MemberSession> sessions = store.load(ids, asOf.atZone(programme.zone()).minusMonths(MemberStore.ORDER_HORIZON_MONTHS).toInstant(), Map.of(),
                asOf.atZone(programme.zone()).toLocalDate(), programme);
        for (Referral referral : due) {
            MemberSession referee = sessions.get(referral.refereeId());
            MemberSession referrer = sessions.get(referral.referrerId());
            if (referee == null || referrer == null) {
                continue;
            }
            referee.creditReferral(referral, true, referral.convertsAt());
            referrer.creditReferral(referral, false, referral.convertsAt());
            referralConversions.markConverted(referral);
        }
        intake.save(sessions.values());
        return due.size();
    }
}
