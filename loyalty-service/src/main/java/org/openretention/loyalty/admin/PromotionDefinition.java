package org.openretention.loyalty.admin;

import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

/**
 * A promotion as an administrator defines it, before it is stored. Empty categories, tiers and triggers mean
 * "all"; the window is [validFrom, validTo).
 *
 * @param multiplier  used by a MULTIPLIER promotion (a BONUS one stores 1)
 * @param bonusPoints used by a BONUS promotion (a MULTIPLIER one stores 0)
 * @param active      null keeps the stored flag on a change and means true for a new promotion
 */
public record PromotionDefinition(String name, Promotion.Kind kind, BigDecimal multiplier, Long bonusPoints, Instant validFrom,
                                  Instant validTo, Collection<String> categories, Collection<String> tiers,
                                  Collection<EarningTrigger> triggers, Boolean active) {
}
