package org.openretention.loyalty.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A promotion of the programme. Empty categories, tiers and triggers mean "all". */
@Schema(name = "Promotion")
public record PromotionView(UUID id, String name, Promotion.Kind kind, BigDecimal multiplier, long bonusPoints,
                            Instant validFrom, Instant validTo, List<String> categories, List<String> tiers,
                            List<EarningTrigger> triggers, boolean active) {

    /** Categories, tiers and triggers in name order. */
    public static PromotionView of(Promotion p) {
        return new PromotionView(p.id(), p.name(), p.kind(), p.multiplier(), p.bonusPoints(), p.validFrom(), p.validTo(),
                p.categories().stream().sorted().toList(), p.tiers().stream().sorted().toList(),
                p.triggers().stream().sorted(Comparator.comparing(Enum::name)).toList(), p.active());
    }
}
