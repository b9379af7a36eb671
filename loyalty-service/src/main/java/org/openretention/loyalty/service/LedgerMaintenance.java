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

/**
 * What time alone changes, for every member: pending points released (and debts settled from them), lots
 * expired, tiers requalified on their anniversary, birthday gifts given, referrals converted once the referee's
 * first order survived its return window, and {@code PointsExpiring} sent ahead of expiry. Runs on a schedule in
 * one instance at a time, and on demand for any {@code asOf} instant; every rule is evaluated in event time, so
 * the result does not depend on when the job happens to run.
 */
@ApplicationScoped
public class LedgerMaintenance {

    private static final Logger LOG = Logger.getLogger(LedgerMaintenance.class);
    private static final int MAX_ROUNDS = 10_000;

    /** What one run did. */
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
    public LedgerMaintenance(MemberStore store, DueMembers dueMembers, ReferralConversions referralConversions, ProgrammeRepository programmes, LoyaltyIntake intake, ClusterJobs jobs,
                             LoyaltyConfig config, Clock clock, StreamPositions positions, PlatformConfig platform) {
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
        Instant now = clock.instant();
        // never run ahead of input still being caught up: its older events must be applied first
        Instant asOf = positions.settledUntil(now, platform.intake().settleAfter());
        if (asOf.isBefore(now)) {
            LOG.infof("Input is still catching up (applied up to %s); ledger maintenance runs as of then", asOf);
        }
        Run[] run = new Run[1];
        boolean ran = jobs.runExclusively("loyalty-ledger-maintenance", () -> run[0] = runAsOf(asOf));
        if (ran && run[0].members() + run[0].referralsConverted() > 0) {
            LOG.infof("Ledger maintenance as of %s: %d members brought up to date, %d referrals converted",
                    run[0].asOf(), run[0].members(), run[0].referralsConverted());
        }
    }

    /** Brings every member whose state time changes by {@code asOf} up to it. Safe to run repeatedly. */
    public Run runAsOf(Instant asOf) {
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
