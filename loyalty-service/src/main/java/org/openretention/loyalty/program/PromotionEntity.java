package org.openretention.loyalty.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A row of {@code promotion} (V1). Categories, tiers and triggers are PostgreSQL text arrays; empty means "all".
 * Every change bumps {@code programme_version} by trigger (V3).
 */
@Entity
@Table(name = "promotion")
public class PromotionEntity {

    @Id
    public UUID id;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(nullable = false, length = 16)
    public String kind;
    @Column(nullable = false, precision = 6, scale = 3)
    public BigDecimal multiplier;
    @Column(name = "bonus_points", nullable = false)
    public long bonusPoints;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "valid_to", nullable = false)
    public Instant validTo;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] categories;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tiers;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] triggers;
    @Column(nullable = false)
    public boolean active;

    public Promotion toPromotion() {
        return new Promotion(id, name, Promotion.Kind.valueOf(kind), multiplier, bonusPoints, validFrom, validTo,
                new HashSet<>(Arrays.asList(categories)), new HashSet<>(Arrays.asList(tiers)),
                Arrays.stream(triggers).map(EarningTrigger::valueOf).collect(Collectors.toSet()), active);
    }
}
