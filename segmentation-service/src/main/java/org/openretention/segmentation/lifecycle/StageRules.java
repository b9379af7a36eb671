package org.openretention.segmentation.lifecycle;

import org.openretention.segmentation.profile.CalendarDays;
import org.openretention.segmentation.profile.ProfileFacts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The lifecycle stage of a customer as of an instant: the stages of {@link LifecycleStage} are tried in their
 * declared order and the first that matches wins, so every customer holds exactly one. Days are calendar days in the
 * thresholds' zone ({@link CalendarDays}). {@link StageSql} renders the same rules for the set-based sweep; the two
 * are written side by side and must change together.
 */
public final class StageRules {

    private final StageThresholds thresholds;

    public StageRules(StageThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public StageThresholds thresholds() {
        return thresholds;
    }

    /**
     * The stage of {@code customer} as of {@code asOf}.
     *
     * @param population the spend cut and mean order value of the whole customer base as of {@code asOf}
     */
    public StageDecision evaluate(ProfileFacts customer, PopulationFacts population, Instant asOf) {
        return dormantOrAtRisk(customer, asOf)
                .or(() -> highNetWorth(customer, population))
                .or(() -> recentlyNew(customer, asOf))
                .or(() -> activeValue(customer))
                .or(() -> prospect(customer, asOf))
                .orElseGet(() -> regular(customer, asOf));
    }

    /** The mean average order value the high-net-worth rule compares with: the configured one, else the population's. */
    public BigDecimal referenceAov(PopulationFacts population) {
        return thresholds.meanAovOverride() != null ? thresholds.meanAovOverride() : population.meanAov();
    }

    private Optional<StageDecision> dormantOrAtRisk(ProfileFacts customer, Instant asOf) {
        if (!customer.hasOrdered()) {
            return Optional.empty();
        }
        long days = days(customer.lastOrderAt(), asOf);
        if (days >= thresholds.dormantDays()) {
            return decision(LifecycleStage.DORMANT,
                    "Last order %s ago (dormant from %s).", days(days), days(thresholds.dormantDays()));
        }
        if (days >= thresholds.atRiskDays()) {
            return decision(LifecycleStage.AT_RISK, "Last order %s ago (at risk from %s, dormant from %d).",
                    days(days), days(thresholds.atRiskDays()), thresholds.dormantDays());
        }
        return Optional.empty();
    }

    private Optional<StageDecision> highNetWorth(ProfileFacts customer, PopulationFacts population) {
        BigDecimal cut = population.hnwSpendCut();
        BigDecimal referenceAov = referenceAov(population);
        BigDecimal spend = customer.spend12m();
        if (cut == null || referenceAov == null || spend.signum() <= 0 || spend.compareTo(cut) < 0) {
            return Optional.empty();
        }
        BigDecimal aovFloor = thresholds.hnwAovMultiple().multiply(referenceAov);
        if (customer.averageOrderValue().compareTo(aovFloor) < 0) {
            return Optional.empty();
        }
        return decision(LifecycleStage.HIGH_NET_WORTH,
                "12-month spend %s is in the top %s%% (from %s) and the average order %s is at least %s x the mean %s.",
                money(spend), topPercent(), money(cut), money(customer.averageOrderValue()),
                thresholds.hnwAovMultiple().stripTrailingZeros().toPlainString(), money(referenceAov));
    }

    private Optional<StageDecision> recentlyNew(ProfileFacts customer, Instant asOf) {
        if (customer.registeredAt() != null && days(customer.registeredAt(), asOf) <= thresholds.newDays()) {
            return decision(LifecycleStage.NEW, "Registered %s ago (new for %s).",
                    days(days(customer.registeredAt(), asOf)), days(thresholds.newDays()));
        }
        if (customer.hasOrdered() && days(customer.firstOrderAt(), asOf) <= thresholds.newDays()) {
            return decision(LifecycleStage.NEW, "First order %s ago (new for %s).",
                    days(days(customer.firstOrderAt(), asOf)), days(thresholds.newDays()));
        }
        return Optional.empty();
    }

    private Optional<StageDecision> activeValue(ProfileFacts customer) {
        if (customer.ordersLast90d() < thresholds.activeOrders90d()) {
            return Optional.empty();
        }
        return decision(LifecycleStage.ACTIVE_VALUE, "%s in the last 90 days (active from %d).",
                orders(customer.ordersLast90d()), thresholds.activeOrders90d());
    }

    private Optional<StageDecision> prospect(ProfileFacts customer, Instant asOf) {
        // newDays both ends "new" and starts "prospect", so a registered customer who never ordered is always one of them
        if (customer.hasOrdered() || customer.registeredAt() == null
                || days(customer.registeredAt(), asOf) <= thresholds.newDays()) {
            return Optional.empty();
        }
        return decision(LifecycleStage.PROSPECT, "Registered %s ago and never ordered (prospect after %s).",
                days(days(customer.registeredAt(), asOf)), days(thresholds.newDays()));
    }

    private StageDecision regular(ProfileFacts customer, Instant asOf) {
        if (!customer.hasOrdered()) {
            return new StageDecision(LifecycleStage.REGULAR, "Never ordered and not registered: no other stage applies.");
        }
        return new StageDecision(LifecycleStage.REGULAR, String.format(Locale.ROOT,
                "Last order %s ago, %s in the last 90 days: no other stage applies.",
                days(days(customer.lastOrderAt(), asOf)), orders(customer.ordersLast90d())));
    }

    private long days(Instant from, Instant asOf) {
        return CalendarDays.between(from, asOf, thresholds.zone());
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String orders(long n) {
        return n == 1 ? "1 order" : n + " orders";
    }

    private String topPercent() {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(thresholds.hnwSpendPercentile())).movePointRight(2)
                .stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Optional<StageDecision> decision(LifecycleStage stage, String format, Object... args) {
        return Optional.of(new StageDecision(stage, String.format(Locale.ROOT, format, args)));
    }
}
