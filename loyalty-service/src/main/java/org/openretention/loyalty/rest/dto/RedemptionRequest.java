package org.openretention.loyalty.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A member redeems a reward of the catalogue. The reward's id is read as text and validated, so that a 400 names
 * it together with a bad Idempotency-Key header.
 */
@Schema(name = "RedemptionRequest")
public record RedemptionRequest(
        @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") @Schema(type = SchemaType.STRING, format = "uuid") String rewardId) {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /** Call once the request has passed its checks. */
    public UUID reward() {
        return UUID.fromString(rewardId);
    }
}
