package org.openretention.segmentation.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.lifecycle.PopulationFacts;
import org.openretention.segmentation.lifecycle.StageSql;
import org.openretention.segmentation.lifecycle.StageThresholds;
import org.openretention.segmentation.profile.CustomerProfile;
import org.openretention.segmentation.profile.RollingWindows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads profiles for the API: a customer's stored profile, the rolling figures of a customer as of any instant, and
 * the facts of the whole customer base the lifecycle rules compare with. The rolling figures are computed from the
 * placed orders ({@code profile_placed_order}) with the same windows the intake counts the stored ones with.
 */
@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<CustomerProfileEntity, String> {

    /** A customer's 12-month net spend and orders in the last 90 days, as of an instant. */
    public record RollingFigures(BigDecimal spend12m, int ordersLast90d) {
    }

    private static final String AS_OF = "CAST(:asOf AS timestamptz)";

    private final String rollingOfCustomer;
    private final String spendOfEveryone;

    @Inject
    public ProfileRepository(SegmentationConfig config) {
        ZoneId zone = config.timezone();
        this.rollingOfCustomer = """
                SELECT COALESCE(sum(net_spend) FILTER (WHERE counted AND %s), 0), count(*) FILTER (WHERE counted AND %s)
                FROM profile_placed_order WHERE customer_id = :customerId"""
                .formatted(RollingWindows.sqlInLast12Months("occurred_at", AS_OF, zone), RollingWindows.sqlInLast90Days("occurred_at", AS_OF, zone));
        this.spendOfEveryone = """
                SELECT p.order_count, p.avg_order_value, COALESCE(w.spend_12m, 0) AS spend_12m
                FROM customer_profile p
                LEFT JOIN (SELECT customer_id, sum(net_spend) AS spend_12m FROM profile_placed_order
                           WHERE counted AND %s GROUP BY customer_id) w ON w.customer_id = p.customer_id"""
                .formatted(RollingWindows.sqlInLast12Months("occurred_at", AS_OF, zone));
    }

    public Optional<CustomerProfile> profile(String customerId) {
        return findByIdOptional(customerId).map(CustomerProfileEntity::toProfile);
    }

    /** The customer's rolling figures as of {@code asOf}; zero for a customer without orders. */
    public RollingFigures rollingAsOf(String customerId, Instant asOf) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(rollingOfCustomer)
                .setParameter("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                .setParameter("customerId", customerId)
                .getSingleResult();
        return new RollingFigures((BigDecimal) row[0], ((Number) row[1]).intValue());
    }

    /**
     * The high-net-worth spend cut and mean order value of every profile as of {@code asOf}, the 12-month spends
     * counted back from {@code asOf} (a scan of the year's orders).
     */
    public PopulationFacts population(StageThresholds thresholds, Instant asOf) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("WITH facts AS (" + spendOfEveryone + ")\n" + StageSql.population(thresholds, "facts"))
                .setParameter("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                .getSingleResult();
        return new PopulationFacts((BigDecimal) row[0], (BigDecimal) row[1]);
    }
}
