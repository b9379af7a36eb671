package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.admin.PromotionDefinition;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Promotion;
import org.openretention.loyalty.rest.validation.FieldChecks;
import org.openretention.loyalty.rest.validation.IsoInstant;
import org.openretention.loyalty.rest.validation.OneOf;
import org.openretention.loyalty.rest.validation.WholeNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A promotion as an administrator creates or replaces it. Empty (or absent) categories, tiers and triggers mean
 * "all". The window is [validFrom, validTo). Kind, triggers and the instants are read as text and validated, so
 * that a 400 names every bad field at once.
 *
 * @param multiplier  points multiplier, > 0; required for a MULTIPLIER promotion
 * @param bonusPoints fixed bonus, > 0 for a BONUS promotion (a MULTIPLIER promotion stores 0; a BONUS one stores multiplier 1)
 * @param active      absent means true on create and unchanged on update
 */
@Schema(name = "PromotionRequest")
public record PromotionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @OneOf(Promotion.Kind.class) @Schema(implementation = Promotion.Kind.class) String kind,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 3) BigDecimal multiplier,
        @JsonDeserialize(using = WholeNumber.class) @PositiveOrZero Long bonusPoints,
        @NotNull @IsoInstant @Schema(type = SchemaType.STRING, format = "date-time") String validFrom,
        @NotNull @IsoInstant @Schema(type = SchemaType.STRING, format = "date-time") String validTo,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 100) List<@NotBlank @Size(max = 40) String> tiers,
        @Schema(type = SchemaType.ARRAY, implementation = EarningTrigger.class) List<@NotNull @OneOf(EarningTrigger.class) String> triggers,
        Boolean active) {

    /** The rules between fields, and the tiers named against the programme's, added to {@code checks}. */
    public FieldChecks checkAgainst(Collection<String> programmeTiers, FieldChecks checks) {
        List<String> unknown = tiers == null ? List.of()
                : tiers.stream().filter(t -> t != null).map(String::strip).distinct().sorted().filter(t -> !programmeTiers.contains(t)).toList();
        Instant from = checks.failed("validFrom") ? null : IsoInstant.Check.parse(validFrom);
        Instant to = checks.failed("validTo") ? null : IsoInstant.Check.parse(validTo);
        return checks
                .check(!Promotion.Kind.MULTIPLIER.name().equals(kind) || multiplier != null, "multiplier", "is required for a MULTIPLIER promotion")
                .check(!Promotion.Kind.BONUS.name().equals(kind) || (bonusPoints != null && bonusPoints > 0),
                        "bonusPoints", "must be greater than 0 for a BONUS promotion")
                .check(from == null || to == null || to.isAfter(from), "validTo", "must be after validFrom")
                .check(unknown.isEmpty(), "tiers", "names tiers the programme does not have: " + String.join(", ", unknown));
    }

    /** Call once the request has passed its checks. */
    public PromotionDefinition toDefinition() {
        return new PromotionDefinition(name, Promotion.Kind.valueOf(kind), multiplier, bonusPoints, IsoInstant.Check.parse(validFrom),
                IsoInstant.Check.parse(validTo), categories, tiers,
                triggers == null ? null : triggers.stream().map(EarningTrigger::valueOf).toList(), active);
    }
}
