package org.openretention.loyalty.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.support.WholeNumber;
import org.openretention.events.loyalty.RewardType;

import java.time.Instant;

/**
 * A reward as an administrator creates or replaces it.
 *
 * @param stock   how many are left; absent for an unlimited reward
 * @param minTier the lowest tier that may redeem it; absent for every member
 * @param active  whether members may redeem it; absent means true on create and unchanged on update
 */
@Schema(name = "RewardRequest")
public record RewardRequest(
        @NotBlank @Size(max = 200) String name,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long pointsCost,
        @NotNull RewardType type,
        @PositiveOrZero Integer stock,
        Instant validFrom,
        Instant validTo,
        @Size(max = 40) String minTier,
        Boolean active) {
}
