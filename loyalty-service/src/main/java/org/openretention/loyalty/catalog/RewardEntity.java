package org.openretention.loyalty.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openretention.events.loyalty.RewardType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code reward} (V1, V2). A null stock is an unlimited reward; deleting one only clears {@code active}. */
@Entity
@Table(name = "reward")
public class RewardEntity {

    @Id
    public UUID id;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(name = "points_cost", nullable = false)
    public long pointsCost;
    @Column(nullable = false, length = 16)
    public String type;
    public Integer stock;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_to")
    public Instant validTo;
    @Column(name = "min_tier", length = 40)
    public String minTier;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Reward toReward() {
        return new Reward(id, name, pointsCost, RewardType.valueOf(type), stock, validFrom, validTo, minTier, active, createdAt, updatedAt);
    }
}
