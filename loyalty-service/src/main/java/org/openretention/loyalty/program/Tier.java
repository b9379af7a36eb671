package org.openretention.loyalty.program;

import java.math.BigDecimal;

/**
 * A member tier, qualified on spend over the rolling 12 months, with the earning multiplier and the benefits the
 * shop honours.
 *
 * @param rank             0 for the entry tier, higher is better
 * @param qualifyingSpend  spend in the programme currency needed over the rolling 12 months
 * @param birthdayGiftPoints points given once a year in the member's birthday month
 */
public record Tier(String name, int rank, BigDecimal qualifyingSpend, BigDecimal multiplier, BigDecimal discountPercent,
                   boolean freeShipping, boolean prioritySupport, long birthdayGiftPoints) {
}
