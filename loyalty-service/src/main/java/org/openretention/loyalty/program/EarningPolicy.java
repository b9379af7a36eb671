package org.openretention.loyalty.program;

import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How many points a thing earns: net spend times the currency rate, times the member's tier multiplier, times the
 * best multiplier promotion that covers each order line (promotions do not stack; the best one wins per line),
 * plus the bonuses of bonus promotions. Rounded down to whole points.
 */
public final class EarningPolicy {

    private final EarningRules rules;
    private final List<Promotion> promotions;

    public EarningPolicy(EarningRules rules, List<Promotion> promotions) {
        this.rules = rules;
        this.promotions = List.copyOf(promotions);
    }

    /** Points of an order and of the bonus promotions it triggers. */
    public record Earning(long points, long bonusPoints, Set<UUID> promotions) {
    }

    public Earning forOrder(OrderCompleted order, Tier tier, Instant at) {
        BigDecimal net = order.netAmount().max(BigDecimal.ZERO);
        BigDecimal base = net.multiply(rules.rateFor(order.currency())).multiply(tier.multiplier());
        List<Promotion> active = active(EarningTrigger.ORDER, tier, at);
        Set<UUID> applied = new LinkedHashSet<>();
        BigDecimal points;
        BigDecimal itemsTotal = order.items().stream().map(OrderItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (itemsTotal.signum() > 0) {
            points = BigDecimal.ZERO;
            for (OrderItem item : order.items()) {
                // each line's share of the net amount, so that discounts reduce every line alike
                BigDecimal lineBase = base.multiply(item.lineTotal()).divide(itemsTotal, 8, RoundingMode.DOWN);
                Promotion best = bestMultiplier(active, item.category());
                if (best != null) {
                    applied.add(best.id());
                    lineBase = lineBase.multiply(best.multiplier());
                }
                points = points.add(lineBase);
            }
        } else {
            Promotion best = bestMultiplier(active, null);
            if (best != null) {
                applied.add(best.id());
            }
            points = best == null ? base : base.multiply(best.multiplier());
        }
        long bonus = 0;
        for (Promotion p : active) {
            if (p.kind() == Promotion.Kind.BONUS && (p.categories().isEmpty()
                    || order.items().stream().anyMatch(i -> p.coversCategory(i.category())))) {
                bonus += p.bonusPoints();
                applied.add(p.id());
            }
        }
        return new Earning(points.setScale(0, RoundingMode.DOWN).longValueExact(), bonus, applied);
    }

    /** Points of an interaction or a referral reward of {@code basePoints}, with the promotions for its trigger. */
    public Earning forTrigger(EarningTrigger trigger, long basePoints, Tier tier, Instant at) {
        List<Promotion> active = active(trigger, tier, at);
        Promotion best = bestMultiplier(active, null);
        BigDecimal points = BigDecimal.valueOf(basePoints);
        Set<UUID> applied = new LinkedHashSet<>();
        if (best != null) {
            points = points.multiply(best.multiplier());
            applied.add(best.id());
        }
        long bonus = 0;
        for (Promotion p : active) {
            if (p.kind() == Promotion.Kind.BONUS && p.categories().isEmpty()) {
                bonus += p.bonusPoints();
                applied.add(p.id());
            }
        }
        return new Earning(points.setScale(0, RoundingMode.DOWN).longValueExact(), bonus, applied);
    }

    public EarningRules rules() {
        return rules;
    }

    private List<Promotion> active(EarningTrigger trigger, Tier tier, Instant at) {
        List<Promotion> result = new ArrayList<>();
        for (Promotion p : promotions) {
            if (p.appliesTo(trigger, tier.name(), at)) {
                result.add(p);
            }
        }
        return result;
    }

    private static Promotion bestMultiplier(List<Promotion> active, String category) {
        Promotion best = null;
        for (Promotion p : active) {
            if (p.kind() == Promotion.Kind.MULTIPLIER && p.coversCategory(category)
                    && (best == null || p.multiplier().compareTo(best.multiplier()) > 0)) {
                best = p;
            }
        }
        return best;
    }
}
