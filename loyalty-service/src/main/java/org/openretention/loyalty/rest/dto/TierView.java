package org.openretention.loyalty.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.loyalty.program.Tier;

import java.math.BigDecimal;

/** A member tier of the programme. */
@Schema(name = "Tier")
public record TierView(String name, int rank, BigDecimal qualifyingSpend, BigDecimal multiplier, BigDecimal discountPercent,
                       boolean freeShipping, boolean prioritySupport, long birthdayGiftPoints) {

    public static TierView of(Tier t) {
        return new TierView(t.name(), t.rank(), t.qualifyingSpend(), t.multiplier(), t.discountPercent(), t.freeShipping(),
                t.prioritySupport(), t.birthdayGiftPoints());
    }
}
