package org.openretention.loyalty.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts rounded to the minor unit of their currency (2 decimals when the currency does not say). */
final class Money {

    private Money() {
    }

    static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), RoundingMode.HALF_EVEN);
    }

    static int scale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
