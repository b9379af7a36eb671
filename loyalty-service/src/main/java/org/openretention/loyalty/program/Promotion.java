package org.openretention.loyalty.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A time-limited boost: a points multiplier or a fixed bonus, optionally limited to product categories, tiers or
 * triggers. Empty limits mean "all". The window is [validFrom, validTo).
 */
public record Promotion(UUID id, String name, Kind kind, BigDecimal multiplier, long bonusPoints,
                        Instant validFrom, Instant validTo, Set<String> categories, Set<String> tiers,
                        Set<EarningTrigger> triggers, boolean active) {

    public enum Kind { MULTIPLIER, BONUS }

    public Promotion {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        triggers = triggers == null ? Set.of() : Set.copyOf(triggers);
    }

    /** Whether the promotion applies to a trigger by a member of {@code tier} at {@code t}, whatever the category. */
    public boolean appliesTo(EarningTrigger trigger, String tier, Instant t) {
        return active && !t.isBefore(validFrom) && t.isBefore(validTo)
                && (triggers.isEmpty() || triggers.contains(trigger))
                && (tiers.isEmpty() || tiers.contains(tier));
    }

    public boolean coversCategory(String category) {
        return categories.isEmpty() || (category != null && categories.contains(category));
    }
}
