package org.openretention.loyalty.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A member tier of the programme. */
@Schema(name = "Tier")
public record TierView(String name, int rank, BigDecimal qualifyingSpend, BigDecimal multiplier, BigDecimal discountPercent,
                       boolean freeShipping, boolean prioritySupport, long birthdayGiftPoints) {
}
