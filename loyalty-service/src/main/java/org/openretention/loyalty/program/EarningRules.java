package org.openretention.loyalty.program;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The programme's earning rules, set by administrators.
 *
 * @param pointsPerCurrencyUnit points per unit of net spend, by ISO 4217 currency; {@code *} for any other
 */
public record EarningRules(Map<String, BigDecimal> pointsPerCurrencyUnit,
                           long checkInPoints, int checkInDailyCap,
                           long reviewPoints, int reviewDailyCap,
                           long sharePoints, int shareDailyCap,
                           long welcomeBonusPoints,
                           long referrerPoints, long refereePoints) {

    public static EarningRules defaults() {
        return new EarningRules(Map.of("*", BigDecimal.ONE), 5, 1, 20, 5, 10, 3, 100, 500, 200);
    }

    public BigDecimal rateFor(String currency) {
        return pointsPerCurrencyUnit.getOrDefault(currency, pointsPerCurrencyUnit.getOrDefault("*", BigDecimal.ONE));
    }

    /** Points and daily cap of an interaction trigger. */
    public long pointsFor(EarningTrigger trigger) {
        return switch (trigger) {
            case CHECK_IN -> checkInPoints;
            case REVIEW -> reviewPoints;
            case SHARE -> sharePoints;
            default -> 0;
        };
    }

    public int dailyCapFor(EarningTrigger trigger) {
        return switch (trigger) {
            case CHECK_IN -> checkInDailyCap;
            case REVIEW -> reviewDailyCap;
            case SHARE -> shareDailyCap;
            default -> Integer.MAX_VALUE;
        };
    }
}
