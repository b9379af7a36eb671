package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.events.loyalty.RewardType;
import org.openretention.loyalty.catalog.RewardDefinition;
import org.openretention.loyalty.rest.validation.FieldChecks;
import org.openretention.loyalty.rest.validation.IsoInstant;
import org.openretention.loyalty.rest.validation.OneOf;
import org.openretention.loyalty.rest.validation.WholeNumber;

import java.time.Instant;
import java.util.Collection;

/**
 * A reward as an administrator creates or replaces it. The type and the instants are read as text and validated,
 * so that a 400 names every bad field at once.
 *
 * @param stock   how many are left; absent for an unlimited reward
 * @param minTier the lowest tier that may redeem it; absent for every member
 * @param active  whether members may redeem it; absent means true on create and unchanged on update
 */
@Schema(name = "RewardRequest")
public record RewardRequest(
        @NotBlank @Size(max = 200) String name,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long pointsCost,
        @NotNull @OneOf(RewardType.class) @Schema(implementation = RewardType.class) String type,
        @PositiveOrZero Integer stock,
        @IsoInstant @Schema(type = SchemaType.STRING, format = "date-time") String validFrom,
        @IsoInstant @Schema(type = SchemaType.STRING, format = "date-time") String validTo,
        @Size(max = 40) String minTier,
        Boolean active) {

    /** The window and the minimum tier against the programme's tiers, added to {@code checks}. */
    public FieldChecks checkAgainst(Collection<String> programmeTiers, FieldChecks checks) {
        Instant from = checks.failed("validFrom") ? null : IsoInstant.Check.parse(validFrom);
        Instant to = checks.failed("validTo") ? null : IsoInstant.Check.parse(validTo);
        return checks
                .check(from == null || to == null || to.isAfter(from), "validTo", "must be after validFrom")
                .check(minTier == null || programmeTiers.contains(minTier),
                        "minTier", "'" + minTier + "' is not a tier of the programme (" + String.join(", ", programmeTiers) + ")");
    }

    /** Call once the request has passed its checks. */
    public RewardDefinition toDefinition() {
        return new RewardDefinition(name, pointsCost, RewardType.valueOf(type), stock, IsoInstant.Check.parse(validFrom),
                IsoInstant.Check.parse(validTo), minTier, active);
    }
}
