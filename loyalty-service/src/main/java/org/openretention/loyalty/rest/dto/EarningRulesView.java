package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.admin.EarningRulesAdministration;
import org.openretention.loyalty.program.EarningRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The programme's earning rules, with when and by whom they were last changed. */
@Schema(name = "EarningRules")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EarningRulesView(
        Map<String, BigDecimal> pointsPerCurrencyUnit,
        long checkInPoints, int checkInDailyCap,
        long reviewPoints, int reviewDailyCap,
        long sharePoints, int shareDailyCap,
        long welcomeBonusPoints,
        long referrerPoints, long refereePoints,
        Instant updatedAt, String updatedBy) {

    public static EarningRulesView of(EarningRulesAdministration.Stored stored) {
        return of(stored.rules(), stored.updatedAt(), stored.updatedBy());
    }

    static EarningRulesView of(EarningRules r, Instant updatedAt, String updatedBy) {
        return new EarningRulesView(new TreeMap<>(r.pointsPerCurrencyUnit()), r.checkInPoints(), r.checkInDailyCap(), r.reviewPoints(),
                r.reviewDailyCap(), r.sharePoints(), r.shareDailyCap(), r.welcomeBonusPoints(), r.referrerPoints(), r.refereePoints(),
                updatedAt, updatedBy);
    }
}
