package org.openretention.loyalty.catalog;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A member redeems a reward of the catalogue. */
@Schema(name = "RedemptionRequest")
public record RedemptionRequest(@NotNull UUID rewardId) {
}
