package org.openretention.segmentation.rfm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The named RFM segments, placed on the customary grid of the recency score R against the frequency-and-monetary
 * score FM (the mean of F and M, rounded down):
 *
 * <pre>
 *            FM = 1           FM = 2              FM = 3              FM = 4      FM = 5
 *   R = 5    New Customers    Potential Loyalist  Potential Loyalist  Champions   Champions
 *   R = 4    Promising        Potential Loyalist  Potential Loyalist  Loyal       Loyal
 *   R = 3    About to Sleep   About to Sleep      Need Attention      Loyal       Loyal
 *   R = 2    Hibernating      Hibernating         At Risk             At Risk     Cannot Lose Them
 *   R = 1    Lost             Lost                At Risk             At Risk     Cannot Lose Them
 * </pre>
 *
 * This is the widely used ten-segment R x F grid, read with FM in place of F, and with its Hibernating block split
 * by recency so that the least recent low-value customers are Lost: the eleven segments of the customary RFM
 * segment list, whose published score ranges overlap, resolved into one cell each.
 */
public enum RfmSegment {
    CHAMPIONS("Champions"),
    LOYAL("Loyal"),
    POTENTIAL_LOYALIST("Potential Loyalist"),
    NEW_CUSTOMERS("New Customers"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need Attention"),
    ABOUT_TO_SLEEP("About to Sleep"),
    AT_RISK("At Risk"),
    CANNOT_LOSE_THEM("Cannot Lose Them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    /** GRID[r - 1][fm - 1]; row 0 is R = 1. */
    private static final RfmSegment[][] GRID = {
            {LOST, LOST, AT_RISK, AT_RISK, CANNOT_LOSE_THEM},
            {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANNOT_LOSE_THEM},
            {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
            {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL},
            {NEW_CUSTOMERS, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS},
    };

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final String displayName;

    RfmSegment(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The segment of the grid cell (R, FM), both 1 to 5. */
    public static RfmSegment of(int recency, int frequencyMonetary) {
        if (recency < 1 || recency > 5 || frequencyMonetary < 1 || frequencyMonetary > 5) {
            throw new IllegalArgumentException("R and FM are 1 to 5, got " + recency + " and " + frequencyMonetary);
        }
        return GRID[recency - 1][frequencyMonetary - 1];
    }

    /**
     * The grid as a PostgreSQL {@code CASE} over integer score columns, giving the segment's enum name
     * ({@code 'CHAMPIONS'}, ...). FM is {@code (f + m) / 2}, integer division as in {@link RfmScores#frequencyMonetary}.
     * Every cell is covered by exactly one {@code WHEN}, so the order of the branches does not matter.
     */
    public static String sqlCase(String recencyColumn, String frequencyColumn, String monetaryColumn) {
        for (String column : List.of(recencyColumn, frequencyColumn, monetaryColumn)) {
            if (!COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("not a plain column name: " + column);
            }
        }
        String fm = "((" + frequencyColumn + " + " + monetaryColumn + ") / 2)";
        StringBuilder sql = new StringBuilder("CASE");
        for (RfmSegment segment : values()) {
            // rows of the segment grouped by their FM cells, so LOYAL reads "R in (3, 4) and FM in (4, 5)"
            Map<Set<Integer>, Set<Integer>> recenciesByFm = new LinkedHashMap<>();
            for (int r = 5; r >= 1; r--) {
                Set<Integer> fms = new TreeSet<>();
                for (int f = 1; f <= 5; f++) {
                    if (GRID[r - 1][f - 1] == segment) {
                        fms.add(f);
                    }
                }
                if (!fms.isEmpty()) {
                    recenciesByFm.computeIfAbsent(fms, k -> new TreeSet<>()).add(r);
                }
            }
            List<String> cells = new ArrayList<>();
            recenciesByFm.forEach((fms, rs) ->
                    cells.add("(" + recencyColumn + " IN (" + list(rs) + ") AND " + fm + " IN (" + list(fms) + "))"));
            sql.append("\n  WHEN ").append(String.join(" OR ", cells)).append(" THEN '").append(segment.name()).append("'");
        }
        return sql.append("\nEND").toString();
    }

    private static String list(Set<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
