package org.openretention.segmentation.lifecycle;

import org.openretention.segmentation.profile.CalendarDays;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lifecycle stage rules of {@link StageRules} as PostgreSQL, for the sweep that evaluates every customer in one
 * statement. The thresholds are rendered into the text, so one {@link StageThresholds} drives both.
 *
 * <p>The {@code CASE} expression reads these columns of the row it is evaluated on:
 * <table>
 * <caption>Columns</caption>
 * <tr><th>Column</th><th>Type</th><th>{@link org.openretention.segmentation.profile.ProfileFacts} field</th></tr>
 * <tr><td>{@code registered_at}</td><td>timestamptz, null</td><td>registeredAt</td></tr>
 * <tr><td>{@code first_order_at}</td><td>timestamptz, null</td><td>firstOrderAt</td></tr>
 * <tr><td>{@code last_order_at}</td><td>timestamptz, null</td><td>lastOrderAt</td></tr>
 * <tr><td>{@code order_count}</td><td>integer</td><td>orderCount</td></tr>
 * <tr><td>{@code orders_90d}</td><td>integer</td><td>ordersLast90d</td></tr>
 * <tr><td>{@code spend_12m}</td><td>numeric</td><td>spend12m</td></tr>
 * <tr><td>{@code avg_order_value}</td><td>numeric</td><td>averageOrderValue</td></tr>
 * </table>
 * and these named parameters, whose values {@link #parameters} gives: {@code :asOf}, {@code :hnwSpendCut} and, unless
 * the thresholds override the mean order value, {@code :meanAov}. Parameters are cast with {@code CAST(... AS ...)}
 * rather than {@code ::}, which named-parameter parsers would misread.
 */
public final class StageSql {

    private static final Pattern RELATION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final String AS_OF = "CAST(:asOf AS timestamptz)";

    private StageSql() {
    }

    /** The stage of the row, as the name of a {@link LifecycleStage} ({@code 'DORMANT'}, ...). */
    public static String stageCase(StageThresholds t) {
        return stageCase(t, column -> days(column, t));
    }

    /**
     * {@link #stageCase(StageThresholds)} over rows that also hold the calendar dates (shop's zone) of their instants,
     * {@code registered_on}, {@code first_order_on} and {@code last_order_on}, with the date of {@code asOf} as the
     * named parameter {@code :asOfDay}: each day count is a subtraction of two dates rather than two time-zone
     * conversions per row and rule (the set-based sweep over a million customers spent seconds on them).
     */
    public static String stageCaseOnDates(StageThresholds t) {
        return stageCase(t, StageSql::daysOnDates);
    }

    /** {@code (asOfDay - <column's date>)}: the column {@code x_at} with its date in {@code x_on}. */
    public static String daysOnDates(String timestampColumn) {
        if (!timestampColumn.endsWith("_at")) {
            throw new IllegalArgumentException("not an instant column named *_at: " + timestampColumn);
        }
        return "(CAST(:asOfDay AS date) - " + timestampColumn.substring(0, timestampColumn.length() - 3) + "_on)";
    }

    private static String stageCase(StageThresholds t, java.util.function.UnaryOperator<String> days) {
        String lastOrderDays = days.apply("last_order_at");
        String registeredDays = days.apply("registered_at");
        String meanAov = t.meanAovOverride() != null ? t.meanAovOverride().toPlainString() : "CAST(:meanAov AS numeric)";
        return "CASE"
                + "\n  WHEN last_order_at IS NOT NULL AND " + lastOrderDays + " >= " + t.dormantDays() + " THEN 'DORMANT'"
                + "\n  WHEN last_order_at IS NOT NULL AND " + lastOrderDays + " >= " + t.atRiskDays() + " THEN 'AT_RISK'"
                + "\n  WHEN spend_12m > 0 AND spend_12m >= CAST(:hnwSpendCut AS numeric)"
                + " AND avg_order_value >= " + t.hnwAovMultiple().toPlainString() + " * " + meanAov + " THEN 'HIGH_NET_WORTH'"
                + "\n  WHEN (registered_at IS NOT NULL AND " + registeredDays + " <= " + t.newDays() + ")"
                + " OR (first_order_at IS NOT NULL AND " + days.apply("first_order_at") + " <= " + t.newDays() + ") THEN 'NEW'"
                + "\n  WHEN orders_90d >= " + t.activeOrders90d() + " THEN 'ACTIVE_VALUE'"
                + "\n  WHEN order_count = 0 AND registered_at IS NOT NULL AND " + registeredDays + " > " + t.newDays()
                + " THEN 'PROSPECT'"
                + "\n  ELSE 'REGULAR'"
                + "\nEND";
    }

    /**
     * The values of the named parameters of {@link #stageCase}: {@code asOf} as an {@link OffsetDateTime} in UTC,
     * {@code hnwSpendCut} and {@code meanAov} (left out when the thresholds override it) as {@link BigDecimal}s, which
     * may be {@code null} when nobody spent or ordered, and then nobody is high-net-worth.
     */
    public static Map<String, Object> parameters(StageThresholds t, PopulationFacts population, Instant asOf) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        parameters.put("hnwSpendCut", population.hnwSpendCut());
        if (t.meanAovOverride() == null) {
            parameters.put("meanAov", population.meanAov());
        }
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * One row with the {@link PopulationFacts} of {@code relation} (a table or view with the columns above), columns
     * {@code hnw_spend_cut} and {@code mean_aov}: PostgreSQL's {@code percentile_disc} is the nearest-rank percentile
     * that {@link PopulationFacts#of} computes.
     */
    public static String population(StageThresholds t, String relation) {
        if (!RELATION.matcher(relation).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + relation);
        }
        return "SELECT percentile_disc(" + BigDecimal.valueOf(t.hnwSpendPercentile()).toPlainString() + ")"
                + " WITHIN GROUP (ORDER BY spend_12m) FILTER (WHERE spend_12m > 0) AS hnw_spend_cut,"
                + "\n       avg(avg_order_value) FILTER (WHERE order_count > 0) AS mean_aov"
                + "\nFROM " + relation;
    }

    private static String days(String column, StageThresholds t) {
        return CalendarDays.sql(column, AS_OF, t.zone());
    }
}
