package org.openretention.segmentation.rfm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RfmSegmentTest {

    /** The grid of docs/segmentation-rules.md, written out independently of the enum: rows R = 5 down to 1, FM = 1 to 5. */
    static final String[][] DOCUMENTED_GRID = {
            {"New Customers", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},
            {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"},
            {"About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"},
            {"Hibernating", "Hibernating", "At Risk", "At Risk", "Cannot Lose Them"},
            {"Lost", "Lost", "At Risk", "At Risk", "Cannot Lose Them"},
    };

    @Test
    void everyOneOfThe125ScoreCombinationsHasTheDocumentedSegment() {
        int combinations = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    int fm = (f + m) / 2;
                    assertThat(new RfmScores(r, f, m).segment().displayName()).as("R%d F%d M%d", r, f, m)
                            .isEqualTo(DOCUMENTED_GRID[5 - r][fm - 1]);
                    combinations++;
                }
            }
        }
        assertThat(combinations).isEqualTo(125);
    }

    @Test
    void everySegmentHoldsSomeCombination() {
        Set<RfmSegment> used = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                used.add(RfmSegment.of(r, fm));
            }
        }
        assertThat(used).containsExactlyInAnyOrder(RfmSegment.values());
        assertThat(RfmSegment.NEW_CUSTOMERS.displayName()).isEqualTo("New Customers");
    }

    @Test
    void frequencyMonetaryIsTheMeanRoundedDown() {
        assertThat(new RfmScores(5, 5, 4).frequencyMonetary()).isEqualTo(4);
        assertThat(new RfmScores(5, 5, 4).segment()).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(new RfmScores(5, 4, 3).segment()).as("FM 3.5 counts as 3").isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(new RfmScores(1, 5, 4).segment()).isEqualTo(RfmSegment.AT_RISK);
        assertThat(new RfmScores(1, 5, 5).segment()).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
        assertThat(new RfmScores(5, 4, 3).code()).isEqualTo("543");
    }

    /**
     * The SQL {@code CASE} read back by a tiny evaluator of its {@code WHEN (r IN (..) AND fm IN (..))} cells: for
     * every one of the 125 combinations exactly one branch matches, and it names the segment Java gives.
     */
    @Test
    void theSqlCaseAgreesWithTheGridOnAll125Combinations() {
        String sql = RfmSegment.sqlCase("r_score", "f_score", "m_score");
        Pattern cell = Pattern.compile("\\(r_score IN \\(([0-9, ]+)\\) AND \\(\\(f_score \\+ m_score\\) / 2\\) IN \\(([0-9, ]+)\\)\\)");
        Pattern branch = Pattern.compile("WHEN (.+) THEN '([A-Z_]+)'");
        record Branch(List<int[][]> cells, String segment) {
        }
        List<Branch> branches = new ArrayList<>();
        for (String line : sql.split("\n")) {
            Matcher b = branch.matcher(line.strip());
            if (b.matches()) {
                List<int[][]> cells = new ArrayList<>();
                Matcher c = cell.matcher(b.group(1));
                while (c.find()) {
                    cells.add(new int[][]{numbers(c.group(1)), numbers(c.group(2))});
                }
                branches.add(new Branch(cells, b.group(2)));
            }
        }
        assertThat(sql).startsWith("CASE").endsWith("END");
        assertThat(branches).hasSize(RfmSegment.values().length);

        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    int rr = r;
                    int fm = (f + m) / 2;
                    List<String> matching = branches.stream()
                            .filter(br -> br.cells().stream().anyMatch(x -> contains(x[0], rr) && contains(x[1], fm)))
                            .map(Branch::segment).toList();
                    assertThat(matching).as("R%d F%d M%d", r, f, m).containsExactly(new RfmScores(r, f, m).segment().name());
                }
            }
        }
    }

    private static int[] numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }

    private static boolean contains(int[] values, int value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }

    @Test
    void theSqlReadsLikeTheGrid() {
        String sql = RfmSegment.sqlCase("r", "f", "m");
        assertThat(Arrays.stream(sql.split("\n")).filter(l -> l.contains("LOYAL'")).collect(Collectors.joining()))
                .contains("WHEN (r IN (3, 4) AND ((f + m) / 2) IN (4, 5)) THEN 'LOYAL'");
    }
}
