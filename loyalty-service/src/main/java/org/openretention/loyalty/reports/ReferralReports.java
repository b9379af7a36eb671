package org.openretention.loyalty.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.openretention.loyalty.member.Referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a member's referral code brought: read straight from the referral table, where referees point at their
 * referrer. Members and referrals are written by the event intake in bulk, so they are read here with SQL rather
 * than mapped as entities.
 */
@ApplicationScoped
public class ReferralReports {

    private final EntityManager database;

    @Inject
    public ReferralReports(EntityManager database) {
        this.database = database;
    }

    /** The member's referrals as the referrer; empty for an unknown member. */
    public Optional<MemberReferrals> of(String customerId) {
        @SuppressWarnings("unchecked")
        List<String> codes = database.createNativeQuery("SELECT referral_code FROM loyalty_member WHERE customer_id = :customer")
                .setParameter("customer", customerId).getResultList();
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database.createNativeQuery("""
                        SELECT referee_id, invited_at, status, converted_at, referrer_points
                        FROM referral WHERE referrer_id = :customer ORDER BY invited_at, referee_id""")
                .setParameter("customer", customerId)
                .unwrap(NativeQuery.class)
                .addScalar("referee_id", String.class)
                .addScalar("invited_at", Instant.class)
                .addScalar("status", String.class)
                .addScalar("converted_at", Instant.class)
                .addScalar("referrer_points", Long.class)
                .getResultList();
        List<MemberReferrals.Entry> referrals = new ArrayList<>();
        long converted = 0;
        long points = 0;
        for (Object[] r : rows) {
            Referral.Status status = Referral.Status.valueOf((String) r[2]);
            referrals.add(new MemberReferrals.Entry((String) r[0], (Instant) r[1], status, (Instant) r[3]));
            if (status == Referral.Status.CONVERTED) {
                converted++;
                points += (Long) r[4];
            }
        }
        return Optional.of(new MemberReferrals(customerId, codes.get(0), referrals.size(), converted, points, referrals));
    }
}
