package org.openretention.feedback.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The bodies of the complaint endpoints. Enumerated values arrive as strings and are parsed with a precise 400. */
public final class ComplaintRequests {

    private ComplaintRequests() {
    }

    @Schema(name = "NewComplaint")
    public record NewComplaint(
            @NotBlank @Size(max = 200) String customerId,
            @Size(max = 200) String orderId,
            @Size(max = 200) String sku,
            @Schema(description = "Where support heard it, e.g. PHONE, CHAT, EMAIL") @Size(max = 32) String channel,
            @Schema(description = "What the customer said; graded for severity and read for sentiment and aspects")
            @NotBlank @Size(max = 5000) String text,
            @Schema(description = "Made in public (a social post, a public review): weighs more") Boolean inPublic) {
    }

    @Schema(name = "ComplaintNote")
    public record Note(@Size(max = 2000) String note) {
    }

    @Schema(name = "ComplaintResolution")
    public record Resolve(
            @Schema(description = "PRODUCT_QUALITY, PRICE, LOGISTICS, SERVICE_ATTITUDE, AFTER_SALES, PACKAGING or OTHER") @NotBlank String rootCause,
            @Valid CompensationBody compensation,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "Compensation")
    public record CompensationBody(
            @Schema(description = "POINTS, COUPON, REFUND or GIFT") @NotBlank String kind,
            @Schema(description = "POINTS only: the points, > 0") Long points,
            @Schema(description = "COUPON and REFUND only: the amount, > 0") BigDecimal amount,
            @Schema(description = "ISO 4217 code of amount") String currency,
            @Size(max = 500) String description) {
    }

    @Schema(name = "ComplaintRegrade")
    public record Regrade(
            @Schema(description = "NORMAL, URGENT or MAJOR") @NotBlank String severity,
            @NotBlank @Size(max = 2000) String reason) {
    }
}
