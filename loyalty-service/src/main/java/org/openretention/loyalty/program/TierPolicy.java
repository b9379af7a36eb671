package org.openretention.loyalty.program;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which tier a member holds: up as soon as the rolling 12-month spend crosses a threshold, down only at the
 * yearly requalification date and by at most {@code maxDowngradeSteps} tiers (the grace rule).
 */
public final class TierPolicy {

    private final List<Tier> tiers;
    private final int maxDowngradeSteps;

    public TierPolicy(List<Tier> tiers, int maxDowngradeSteps) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a programme needs at least one tier");
        }
        this.tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
        this.maxDowngradeSteps = maxDowngradeSteps;
    }

    public Tier entryTier() {
        return tiers.get(0);
    }

    public Tier byName(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(entryTier());
    }

    /** The best tier whose threshold {@code spend} reaches. */
    public Tier earnedBy(BigDecimal spend) {
        Tier best = entryTier();
        for (Tier tier : tiers) {
            if (spend.compareTo(tier.qualifyingSpend()) >= 0) {
                best = tier;
            }
        }
        return best;
    }

    /** The tier to move up to now, if {@code spend} reaches a better one than {@code current}. */
    public Optional<Tier> upgrade(Tier current, BigDecimal spend) {
        Tier earned = earnedBy(spend);
        return earned.rank() > current.rank() ? Optional.of(earned) : Optional.empty();
    }

    /** The tier held after the yearly requalification with {@code spend} over the past 12 months. */
    public Tier requalify(Tier current, BigDecimal spend) {
        Tier earned = earnedBy(spend);
        if (earned.rank() >= current.rank()) {
            return earned;
        }
        int floorRank = current.rank() - maxDowngradeSteps;
        return tiers.stream().filter(t -> t.rank() >= Math.max(earned.rank(), floorRank)).findFirst().orElse(earned);
    }

    /** The next tier up, if any. */
    public Optional<Tier> next(Tier current) {
        return tiers.stream().filter(t -> t.rank() > current.rank()).findFirst();
    }

    public List<Tier> tiers() {
        return tiers;
    }
}
