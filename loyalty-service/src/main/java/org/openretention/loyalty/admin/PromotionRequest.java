package org.openretention.loyalty.admin;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.support.WholeNumber;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A promotion as an administrator creates or replaces it. Empty (or absent) categories, tiers and triggers mean
 * "all". The window is [validFrom, validTo).
 *
 * @param multiplier  points multiplier, > 0; required for a MULTIPLIER promotion
 * @param bonusPoints fixed bonus, > 0 for a BONUS promotion (a MULTIPLIER promotion stores 0; a BONUS one stores multiplier 1)
 * @param active      absent means true on create and unchanged on update
 */
@Schema(name = "PromotionRequest")
public record PromotionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Promotion.Kind kind,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 3) BigDecimal multiplier,
        @JsonDeserialize(using = WholeNumber.class) @PositiveOrZero Long bonusPoints,
        @NotNull Instant validFrom,
        @NotNull Instant validTo,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 100) List<@NotBlank @Size(max = 40) String> tiers,
        List<@NotNull EarningTrigger> triggers,
        Boolean active) {

    public List<String> categoriesOrEmpty() {
        return categories == null ? List.of() : categories.stream().map(String::strip).distinct().sorted().toList();
    }

    public List<String> tiersOrEmpty() {
        return tiers == null ? List.of() : tiers.stream().map(String::strip).distinct().sorted().toList();
    }

    public List<String> triggersOrEmpty() {
        return triggers == null ? List.of() : triggers.stream().map(Enum::name).distinct().sorted().toList();
    }
}
