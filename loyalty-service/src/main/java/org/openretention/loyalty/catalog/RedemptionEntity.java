package org.openretention.loyalty.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code redemption} (V1, V2): kept with the caller's Idempotency-Key, unique per customer, so that a replay
 * answers exactly what the first call answered. The points themselves are in the member's ledger.
 */
@Entity
@Table(name = "redemption")
public class RedemptionEntity {

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false, length = 200)
    public String customerId;
    @Column(name = "idempotency_key", nullable = false, length = 200)
    public String idempotencyKey;
    @Column(name = "reward_id", nullable = false)
    public UUID rewardId;
    @Column(nullable = false)
    public long points;
    @Column(name = "coupon_code", length = 40, unique = true)
    public String couponCode;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "available_points_after", nullable = false)
    public long availablePointsAfter;

    public Redemption toRedemption() {
        return new Redemption(id, rewardId, points, couponCode, availablePointsAfter, createdAt);
    }
}
