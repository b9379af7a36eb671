package org.openretention.segmentation.lifecycle;

import org.openretention.segmentation.profile.ProfileFacts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

/**
 * What the high-net-worth rule needs to know about the whole customer base. For a million customers the caller
 * computes it in SQL ({@link StageSql#population}); {@link #of} computes the same from profiles in memory.
 *
 * @param hnwSpendCut the 12-month spend at the high-net-worth percentile among customers with any 12-month spend;
 *                    {@code null} when no customer spent anything
 * @param meanAov     the mean of the purchasing customers' average order values (each customer counts once, whatever
 *                    their number of orders); {@code null} when nobody ordered
 */
public record PopulationFacts(BigDecimal hnwSpendCut, BigDecimal meanAov) {

    public static final PopulationFacts EMPTY = new PopulationFacts(null, null);

    /**
     * The population facts of {@code profiles}.
     *
     * <p>The percentile is the nearest-rank percentile, exactly as PostgreSQL's {@code percentile_disc(p)} computes
     * it: of the n positive 12-month spends sorted ascending, the k-th with k = ceil(p * n) (at least 1), where
     * p * n is a {@code double} product as in PostgreSQL. The cut is a value some customer actually has, and every
     * customer whose spend equals it is at the percentile, so tied spends are all in or all out, and the top 5% can
     * hold more than 5% of the customers when spends tie at the cut.
     */
    public static PopulationFacts of(Collection<ProfileFacts> profiles, double percentile) {
        BigDecimal[] spends = profiles.stream().map(ProfileFacts::spend12m).filter(s -> s.signum() > 0)
                .sorted().toArray(BigDecimal[]::new);
        BigDecimal cut = null;
        if (spends.length > 0) {
            long k = Math.max(1, (long) Math.ceil(percentile * spends.length));
            cut = spends[(int) Math.min(k, spends.length) - 1];
        }
        BigDecimal sum = BigDecimal.ZERO;
        int purchasers = 0;
        for (ProfileFacts p : profiles) {
            if (p.hasOrdered()) {
                sum = sum.add(p.averageOrderValue());
                purchasers++;
            }
        }
        BigDecimal mean = purchasers == 0 ? null : sum.divide(BigDecimal.valueOf(purchasers), MathContext.DECIMAL128);
        return new PopulationFacts(cut, mean);
    }
}
