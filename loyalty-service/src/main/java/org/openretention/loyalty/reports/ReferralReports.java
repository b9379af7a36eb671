package org.openretention.loyalty.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.member.Referral;
import org.openretention.loyalty.support.Jdbc;
import org.openretention.platform.rest.ProblemException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** What a member's referral code brought: read straight from the referral table, where referees point at their referrer. */
@ApplicationScoped
public class ReferralReports {

    private final AgroalDataSource dataSource;

    @Inject
    public ReferralReports(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public MemberReferrals of(String customerId) {
        return Jdbc.with(dataSource, c -> {
            String code;
            try (PreparedStatement s = c.prepareStatement("SELECT referral_code FROM loyalty_member WHERE customer_id = ?")) {
                s.setString(1, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("no loyalty member " + customerId);
                    }
                    code = rs.getString(1);
                }
            }
            List<MemberReferrals.Entry> referrals = new ArrayList<>();
            long converted = 0;
            long points = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT referee_id, invited_at, status, converted_at, referrer_points
                    FROM referral WHERE referrer_id = ? ORDER BY invited_at, referee_id""")) {
                s.setString(1, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Referral.Status status = Referral.Status.valueOf(rs.getString(3));
                        referrals.add(new MemberReferrals.Entry(rs.getString(1), Jdbc.instant(rs, 2), status, Jdbc.instant(rs, 4)));
                        if (status == Referral.Status.CONVERTED) {
                            converted++;
                            points += rs.getLong(5);
                        }
                    }
                }
            }
            return new MemberReferrals(customerId, code, referrals.size(), converted, points, referrals);
        });
    }
}
