package org.openretention.loyalty.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A row of {@code tier} (V1). Every change bumps {@code programme_version} by trigger (V3). */
@Entity
@Table(name = "tier")
public class TierEntity {

    @Id
    @Column(length = 40)
    public String name;
    @Column(nullable = false, unique = true)
    public int rank;
    @Column(name = "qualifying_spend", nullable = false, precision = 19, scale = 2)
    public BigDecimal qualifyingSpend;
    @Column(nullable = false, precision = 6, scale = 3)
    public BigDecimal multiplier;
    @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal discountPercent;
    @Column(name = "free_shipping", nullable = false)
    public boolean freeShipping;
    @Column(name = "priority_support", nullable = false)
    public boolean prioritySupport;
    @Column(name = "birthday_gift_points", nullable = false)
    public long birthdayGiftPoints;

    public Tier toTier() {
        return new Tier(name, rank, qualifyingSpend, multiplier, discountPercent, freeShipping, prioritySupport, birthdayGiftPoints);
    }

    /** Takes every field but the name (the key) from {@code tier}. */
    public void assign(Tier tier) {
        rank = tier.rank();
        qualifyingSpend = tier.qualifyingSpend();
        multiplier = tier.multiplier();
        discountPercent = tier.discountPercent();
        freeShipping = tier.freeShipping();
        prioritySupport = tier.prioritySupport();
        birthdayGiftPoints = tier.birthdayGiftPoints();
    }
}
