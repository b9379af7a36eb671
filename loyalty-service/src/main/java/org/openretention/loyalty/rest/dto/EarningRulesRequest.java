package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.rest.validation.WholeNumber;
import org.openretention.loyalty.program.EarningRules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The whole set of earning rules, replacing the current one. What {@code GET /earning-rules} returns can be sent
 * back as it is ({@code updatedAt} and {@code updatedBy} are ignored).
 *
 * @param pointsPerCurrencyUnit points per unit of net spend by ISO 4217 currency, {@code *} for any other; each > 0
 */
@Schema(name = "EarningRulesRequest")
@JsonIgnoreProperties({"updatedAt", "updatedBy"})
public record EarningRulesRequest(
        @NotEmpty Map<@NotNull @Pattern(regexp = "^([A-Z]{3}|\\*)$", message = "keys must be ISO 4217 currency codes or *") String,
                @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal> pointsPerCurrencyUnit,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long checkInPoints,
        @NotNull @PositiveOrZero Integer checkInDailyCap,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long reviewPoints,
        @NotNull @PositiveOrZero Integer reviewDailyCap,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long sharePoints,
        @NotNull @PositiveOrZero Integer shareDailyCap,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long welcomeBonusPoints,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long referrerPoints,
        @JsonDeserialize(using = WholeNumber.class) @NotNull @PositiveOrZero Long refereePoints) {

    public EarningRules toRules() {
        return new EarningRules(Map.copyOf(pointsPerCurrencyUnit), checkInPoints, checkInDailyCap, reviewPoints, reviewDailyCap,
                sharePoints, shareDailyCap, welcomeBonusPoints, referrerPoints, refereePoints);
    }
}
