package org.openretention.loyalty.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Redemptions as they were made, by the customer's Idempotency-Key. */
@ApplicationScoped
public class RedemptionRepository implements PanacheRepositoryBase<RedemptionEntity, UUID> {

    public Optional<Redemption> byKey(String customerId, String idempotencyKey) {
        return find("customerId = :customer and idempotencyKey = :key", Parameters.with("customer", customerId).and("key", idempotencyKey))
                .firstResultOptional().map(RedemptionEntity::toRedemption);
    }

    public boolean couponIssued(String code) {
        return count("couponCode = :code", Parameters.with("code", code)) > 0;
    }
}
