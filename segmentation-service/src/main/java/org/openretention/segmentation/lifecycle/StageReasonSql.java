package org.openretention.segmentation.lifecycle;

import org.openretention.segmentation.profile.CalendarDays;

import java.math.BigDecimal;

/**
 * The explanations of {@link StageRules} rendered in PostgreSQL, word for word, so that the set-based evaluation can
 * publish the same reason the profile API shows. Reads the columns and parameters of {@link StageSql#stageCase} and a
 * column {@code stage} holding the row's stage (the value of that {@code CASE}). Written next to {@link StageRules};
 * the two must change together.
 */
public final class StageReasonSql {

    private static final String AS_OF = "CAST(:asOf AS timestamptz)";

    private StageReasonSql() {
    }

    public static String reasonCase(StageThresholds t) {
        String lastOrder = days(CalendarDays.sql("last_order_at", AS_OF, t.zone()));
        String registered = days(CalendarDays.sql("registered_at", AS_OF, t.zone()));
        String firstOrder = days(CalendarDays.sql("first_order_at", AS_OF, t.zone()));
        String meanAov = t.meanAovOverride() != null ? t.meanAovOverride().toPlainString() : "CAST(:meanAov AS numeric)";
        String topPercent = BigDecimal.ONE.subtract(BigDecimal.valueOf(t.hnwSpendPercentile())).movePointRight(2)
                .stripTrailingZeros().toPlainString();
        String multiple = t.hnwAovMultiple().stripTrailingZeros().toPlainString();
        return "CASE stage"
                + "\n  WHEN 'DORMANT' THEN 'Last order ' || " + lastOrder + " || ' ago (dormant from " + daysText(t.dormantDays()) + ").'"
                + "\n  WHEN 'AT_RISK' THEN 'Last order ' || " + lastOrder + " || ' ago (at risk from " + daysText(t.atRiskDays())
                + ", dormant from " + t.dormantDays() + ").'"
                + "\n  WHEN 'HIGH_NET_WORTH' THEN '12-month spend ' || " + money("spend_12m") + " || ' is in the top " + topPercent
                + "% (from ' || " + money("CAST(:hnwSpendCut AS numeric)") + " || ') and the average order ' || "
                + money("avg_order_value") + " || ' is at least " + multiple + " x the mean ' || " + money(meanAov) + " || '.'"
                + "\n  WHEN 'NEW' THEN CASE WHEN registered_at IS NOT NULL AND " + CalendarDays.sql("registered_at", AS_OF, t.zone())
                + " <= " + t.newDays() + " THEN 'Registered ' || " + registered + " || ' ago (new for " + daysText(t.newDays()) + ").'"
                + " ELSE 'First order ' || " + firstOrder + " || ' ago (new for " + daysText(t.newDays()) + ").' END"
                + "\n  WHEN 'ACTIVE_VALUE' THEN " + orders("orders_90d") + " || ' in the last 90 days (active from "
                + t.activeOrders90d() + ").'"
                + "\n  WHEN 'PROSPECT' THEN 'Registered ' || " + registered + " || ' ago and never ordered (prospect after "
                + daysText(t.newDays()) + ").'"
                + "\n  ELSE CASE WHEN order_count = 0 THEN 'Never ordered and not registered: no other stage applies.'"
                + " ELSE 'Last order ' || " + lastOrder + " || ' ago, ' || " + orders("orders_90d")
                + " || ' in the last 90 days: no other stage applies.' END"
                + "\nEND";
    }

    private static String days(String n) {
        return "(CAST(" + n + " AS text) || CASE WHEN " + n + " = 1 THEN ' day' ELSE ' days' END)";
    }

    private static String orders(String n) {
        return "(CAST(" + n + " AS text) || CASE WHEN " + n + " = 1 THEN ' order' ELSE ' orders' END)";
    }

    private static String money(String amount) {
        return "CAST(round(" + amount + ", 2) AS text)";
    }

    private static String daysText(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
