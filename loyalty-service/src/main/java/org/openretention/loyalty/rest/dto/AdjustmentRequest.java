package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.rest.validation.WholeNumber;

/**
 * A manual correction of a member's points.
 *
 * @param points positive to credit, negative to debit (beyond the balance it leaves a debt); never zero
 * @param reason why, for the ledger
 */
@Schema(name = "AdjustmentRequest")
public record AdjustmentRequest(@JsonDeserialize(using = WholeNumber.class) @NotNull Long points, @NotBlank @Size(max = 500) String reason) {
}
