package org.openretention.loyalty.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A promotion of the programme. Empty categories, tiers and triggers mean "all". */
@Schema(name = "Promotion")
public record PromotionView(UUID id, String name, Promotion.Kind kind, BigDecimal multiplier, long bonusPoints,
                            Instant validFrom, Instant validTo, List<String> categories, List<String> tiers,
                            List<EarningTrigger> triggers, boolean active) {
}
