package org.openretention.loyalty.program;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * The loyalty programme as it stands for one batch of work: tiers, earning rules and promotions, plus the
 * time rules (return window, expiry) and the programme currency.
 *
 * @param returnWindow the shop's no-questions-asked return period; an order's points are pending until it ends
 * @param expiryMonths lots expire at the end of the month this many months after they were earned
 * @param zone         the programme's calendar: days for daily caps, months for expiry and birthdays
 * @param exchangeRates programme-currency value of one unit of each other currency, for tier spend
 */
public record Programme(TierPolicy tiers, EarningPolicy earning, Duration returnWindow, int expiryMonths, ZoneId zone,
                        String currency, Map<String, BigDecimal> exchangeRates, Duration expiringNotice, String source) {

    public Instant expiryFor(Instant earnedAt) {
        ZonedDateTime later = earnedAt.atZone(zone).plusMonths(expiryMonths);
        return later.with(TemporalAdjusters.firstDayOfNextMonth()).toLocalDate().atStartOfDay(zone).toInstant();
    }

    public BigDecimal inProgrammeCurrency(BigDecimal amount, String amountCurrency) {
        if (currency.equals(amountCurrency)) {
            return amount;
        }
        return amount.multiply(exchangeRates.getOrDefault(amountCurrency, BigDecimal.ONE));
    }

    public EarningRules rules() {
        return earning.rules();
    }
}
