package org.openretention.segmentation.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * The one currency every amount of a profile is kept in, so that customers can be compared with one another, and
 * the rates that convert the shop's other currencies into it.
 *
 * @param code  ISO 4217 code of the reporting currency
 * @param rates value in the reporting currency of one unit of another currency
 */
public record ReportingCurrency(String code, Map<String, BigDecimal> rates) {

    /** Amounts are kept to this many decimals, as PostgreSQL's {@code NUMERIC(19,4)} columns hold them. */
    public static final int SCALE = 4;

    public ReportingCurrency {
        Objects.requireNonNull(code, "code");
        rates = Map.copyOf(rates);
    }

    /**
     * {@code amount} of {@code currency} in the reporting currency, to {@link #SCALE} decimals.
     *
     * @throws EventRejected when there is no rate for {@code currency}: counting it one to one would quietly
     *                       distort every comparison the profile is for
     */
    public BigDecimal convert(BigDecimal amount, String currency) {
        if (code.equals(currency)) {
            return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
        }
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            throw new EventRejected("no exchange rate from " + currency + " into the reporting currency " + code
                    + " (segmentation.exchange-rates." + currency + ")");
        }
        return amount.multiply(rate).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
