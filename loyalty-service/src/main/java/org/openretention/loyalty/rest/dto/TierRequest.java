package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.rest.validation.WholeNumber;

import java.math.BigDecimal;

/**
 * A tier as an administrator defines it (the name is in the path).
 *
 * @param rank            0 for the entry tier, higher is better; unique across tiers
 * @param qualifyingSpend spend in the programme currency over the rolling 12 months that earns the tier
 * @param multiplier      earning multiplier, > 0
 * @param discountPercent 0..100
 */
@Schema(name = "TierRequest")
public record TierRequest(
        @NotNull @Min(0) @Max(10_000) Integer rank,
        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal qualifyingSpend,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 3) BigDecimal multiplier,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        @NotNull Boolean freeShipping,
        @NotNull Boolean prioritySupport,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @Min(0) Long birthdayGiftPoints) {

    public Tier toTier(String name) {
        return new Tier(name, rank, qualifyingSpend, multiplier, discountPercent, freeShipping, prioritySupport, birthdayGiftPoints);
    }
}
