package org.openretention.segmentation.rfm;

import org.openretention.segmentation.profile.CalendarDays;
import org.openretention.segmentation.profile.ProfileFacts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * RFM scores of the purchasing customers (at least one order) as of an instant:
 * <ul>
 *   <li>recency: calendar days since the last order in the shop's zone ({@link CalendarDays}); fewer is better;</li>
 *   <li>frequency: completed orders; more is better;</li>
 *   <li>monetary: net spend; more is better.</li>
 * </ul>
 * Each is scored 1 to 5 by quintiles of the purchasing population with ties kept together:
 * <pre>
 *   score = ceil(5 * rank / n),  rank = 1 + (number of purchasing customers with a strictly worse value)
 * </pre>
 * that is, SQL's {@code rank()} over the values ordered worst first. Without ties each score holds a fifth of the
 * customers; equal values share the rank of the tie group's first place and so the same score, which is the score
 * where the group begins (100 one-time buyers among 150 customers all score F = 1, not spread over 1 to 4). The worst
 * value scores 1 whenever there are 5 or more purchasing customers. Integer arithmetic ({@code (5 * rank + n - 1) / n})
 * keeps Java and SQL exactly equal; {@link #sql} renders it.
 */
public final class RfmScorer {

    private static final Pattern RELATION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final ZoneId zone;

    public RfmScorer(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The scores of every purchasing customer of {@code profiles}, by customer id; customers who never ordered have none. */
    public Map<String, RfmScores> score(Collection<ProfileFacts> profiles, Instant asOf) {
        List<ProfileFacts> purchasers = profiles.stream().filter(ProfileFacts::hasOrdered).toList();
        // negated days, so that for all three measures a greater key is a better value
        Function<ProfileFacts, Long> recency = p -> -CalendarDays.between(p.lastOrderAt(), asOf, zone);
        Function<ProfileFacts, Integer> frequency = ProfileFacts::orderCount;
        Function<ProfileFacts, BigDecimal> monetary = ProfileFacts::netSpend;
        Ranking<Long> r = new Ranking<>(purchasers, recency);
        Ranking<Integer> f = new Ranking<>(purchasers, frequency);
        Ranking<BigDecimal> m = new Ranking<>(purchasers, monetary);
        Map<String, RfmScores> scores = new LinkedHashMap<>();
        for (ProfileFacts p : purchasers) {
            scores.put(p.customerId(), new RfmScores(r.score(recency.apply(p)), f.score(frequency.apply(p)),
                    m.score(monetary.apply(p))));
        }
        return Collections.unmodifiableMap(scores);
    }

    /** The quintile score of the value at {@code rank} (1 + values strictly worse) among {@code n}: ceil(5 * rank / n). */
    public static int quintile(long rank, long n) {
        if (rank < 1 || rank > n) {
            throw new IllegalArgumentException("rank " + rank + " is not between 1 and " + n);
        }
        return (int) ((5 * rank + n - 1) / n);
    }

    /**
     * The scores and the segment of every purchasing customer of {@code relation}, which has the columns
     * {@code customer_id}, {@code last_order_at} (timestamptz), {@code order_count} (integer) and {@code net_spend}
     * (numeric), with the named parameter {@code :asOf} (an instant; bind an {@code OffsetDateTime}). The result has
     * the columns {@code customer_id}, {@code r_score}, {@code f_score}, {@code m_score} and {@code segment} (the
     * name of an {@link RfmSegment}).
     */
    public String sql(String relation) {
        return sql(relation, CalendarDays.sql("last_order_at", "CAST(:asOf AS timestamptz)", zone));
    }

    /**
     * {@link #sql(String)} with the recency in days given as an expression over {@code relation}'s row (the sweep
     * passes a subtraction of dates it computed once per customer).
     */
    public String sql(String relation, String recencyDays) {
        if (!RELATION.matcher(relation).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + relation);
        }
        String purchasers = "(SELECT customer_id, " + recencyDays + " AS recency_days, order_count, coalesce(net_spend, 0) AS net_spend"
                + " FROM " + relation + " WHERE order_count > 0)";
        return "SELECT customer_id, r_score, f_score, m_score,"
                + "\n       " + RfmSegment.sqlCase("r_score", "f_score", "m_score").replace("\n", "\n       ")
                + " AS segment"
                + "\nFROM (SELECT p.customer_id,"
                + "\n             " + quintileOfRank("r.rank", "n.n") + " AS r_score,"
                + "\n             " + quintileOfRank("f.rank", "n.n") + " AS f_score,"
                + "\n             " + quintileOfRank("p.m_rank", "n.n") + " AS m_score"
                + "\n      FROM (SELECT customer_id, recency_days, order_count, rank() OVER (ORDER BY net_spend) AS m_rank"
                + "\n            FROM " + purchasers + " purchasers) p"
                + "\n      CROSS JOIN (SELECT count(*) AS n FROM " + relation + " WHERE order_count > 0) n"
                + "\n      JOIN " + rankOfValues("recency_days", "DESC", purchasers) + " r ON r.value = p.recency_days"
                + "\n      JOIN " + rankOfValues("order_count", "", purchasers) + " f ON f.value = p.order_count) scored";
    }

    /** {@link #quintile} in SQL over bigint expressions: integer division, as in Java. */
    static String quintileOfRank(String rank, String n) {
        return "((5 * " + rank + " + " + n + " - 1) / " + n + ")";
    }

    /**
     * The rank of each distinct value of {@code column} ordered worst first ({@code direction} {@code DESC} when a
     * greater value is worse), as a relation {@code (value, rank)}: 1 + the customers whose value is strictly worse, the
     * running count of the values before it. One row per distinct value (recency in days and order counts have a few
     * hundred), so the scores take no sort of the customers; only the monetary value, nearly unique per customer, is
     * ranked with {@code rank()} over a sort.
     */
    static String rankOfValues(String column, String direction, String purchasers) {
        String order = column + (direction.isEmpty() ? "" : " " + direction);
        return "(SELECT " + column + " AS value, CAST(1 + coalesce(sum(count(*)) OVER (ORDER BY " + order
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS bigint) AS rank"
                + " FROM " + purchasers + " v GROUP BY " + column + ")";
    }

    /** One measure's values over the population, sorted so that the number of strictly worse values is a binary search. */
    private static final class Ranking<T extends Comparable<T>> {

        private final List<T> ascending;

        Ranking(List<ProfileFacts> population, Function<ProfileFacts, T> key) {
            ascending = new ArrayList<>(population.size());
            for (ProfileFacts p : population) {
                ascending.add(key.apply(p));
            }
            Collections.sort(ascending);
        }

        int score(T value) {
            return quintile(strictlyWorse(value) + 1, ascending.size());
        }

        /** The number of values less than {@code value}: the first index holding a value not less than it. */
        private int strictlyWorse(T value) {
            int low = 0;
            int high = ascending.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ascending.get(mid).compareTo(value) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
