package org.openretention.feedback.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the survey endpoints. */
public final class SurveyRequests {

    private SurveyRequests() {
    }

    @Schema(name = "NpsAnswer")
    public record NpsAnswer(
            @NotBlank @Size(max = 64) String customerId,
            @Schema(description = "How likely the customer is to recommend the shop, 0 to 10") @NotNull @Min(0) @Max(10) Integer score,
            @Schema(description = "What the customer wrote, if anything; its sentiment is read and stored") @Size(max = 2000) String comment,
            @Size(max = 64) String orderId,
            @Schema(type = SchemaType.STRING, format = "date-time", description = "When the customer answered (default: now)") String answeredAt) {
    }

    @Schema(name = "CsatAnswer")
    public record CsatAnswer(
            @NotBlank @Size(max = 64) String customerId,
            @Schema(description = "How satisfied the customer is with the touchpoint, 1 to 5 (4 and 5 count as satisfied)") @NotNull @Min(1) @Max(5) Integer score,
            @Schema(description = "DELIVERY, AFTER_SALES, SUPPORT or a touchpoint of the shop's own: letters, digits and underscores, taken in upper case")
            @NotBlank @Size(max = 64) @Pattern(regexp = "\\s*[A-Za-z][A-Za-z0-9_]*\\s*", message = "must be letters, digits and underscores, starting with a letter") String touchpoint,
            @Size(max = 2000) String comment,
            @Size(max = 64) String orderId,
            @Schema(type = SchemaType.STRING, format = "date-time", description = "When the customer answered (default: now)") String answeredAt) {
    }
}
