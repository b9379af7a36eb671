package org.openretention.segmentation.tags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The tags of {@link TagRules} as PostgreSQL, for the set-based evaluation: one expression giving the sorted
 * {@code text[]} of a row's tags. Written next to {@link TagRules}; the two must change together.
 *
 * <p>The expression reads these columns of the row: {@code order_count} (integer), {@code avg_order_value} and
 * {@code discounted_order_share} (numeric), {@code items} (integer), {@code top_categories} (text[]),
 * {@code top_category_items} (integer[]), {@code likes}, {@code comments}, {@code shares} (integer), {@code recent_nps}
 * (integer, NULL without a recent NPS answer), and the
 * mean average order value of the purchasing customers as the SQL expression {@code meanAov} (numeric, may be NULL).
 * The top category's share is rounded to 4 decimals half up, as the profile computes it
 * ({@code CustomerProfile#shareOf}). Tags come sorted byte-wise, as Java sorts strings, without a sort per row: the
 * elements are listed in that order ({@code CATEGORY:...} &lt; {@code DETRACTOR} &lt; {@code PRICE_SENSITIVE} &lt;
 * {@code PROMOTER} &lt; {@code QUALITY_SEEKER} &lt; {@code SOCIAL_ENGAGED}), so a new tag goes in at its place
 * ({@code TagSqlTest} checks the order).
 */
public final class TagSql {

    private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z0-9_.:() ]+");

    private TagSql() {
    }

    /**
     * {@code part / whole} rounded half up to 4 decimals, times 10,000, in integer arithmetic: {@code floor((2 * 10000 * part
     * + whole) / (2 * whole))} for a non-negative part and a positive whole, exactly {@code CustomerProfile#shareOf}'s
     * rounding without a numeric division per row.
     */
    static String shareInTenThousandths(String part, String whole) {
        return "((20000 * CAST(" + part + " AS bigint) + " + whole + ") / (2 * CAST(" + whole + " AS bigint)))";
    }

    /** The least share in ten-thousandths that a 4-decimal share must reach to be at least {@code share}. */
    static long minShareInTenThousandths(BigDecimal share) {
        return share.movePointRight(4).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public static String tagsArray(TagThresholds t, String meanAov) {
        if (!EXPRESSION.matcher(meanAov).matches()) {
            throw new IllegalArgumentException("not a plain expression: " + meanAov);
        }
        // the category trimmed once, and only for a customer whose share is enough; a blank one gives NULL, no tag
        String topCategory = "NULLIF(regexp_replace(top_categories[1], '^\\s+|\\s+$', '', 'g'), '')";
        return "CAST(array_remove(ARRAY["
                + "\n    CASE WHEN items > 0 AND " + shareInTenThousandths("top_category_items[1]", "items") + " >= "
                + minShareInTenThousandths(t.categoryMinShare())
                + " THEN '" + TagRules.CATEGORY_PREFIX + "' || " + topCategory + " END,"
                + "\n    CASE WHEN recent_nps <= 6 THEN '" + TagRules.DETRACTOR + "' END,"
                + "\n    CASE WHEN order_count >= " + t.priceSensitiveMinOrders()
                + " AND discounted_order_share > " + t.priceSensitiveShare().toPlainString()
                + " THEN '" + TagRules.PRICE_SENSITIVE + "' END,"
                + "\n    CASE WHEN recent_nps >= 9 THEN '" + TagRules.PROMOTER + "' END,"
                + "\n    CASE WHEN order_count > 0 AND (" + meanAov + ") > 0"
                + " AND avg_order_value >= " + t.qualityAovMultiple().toPlainString() + " * (" + meanAov + ")"
                + " AND discounted_order_share <= " + t.qualityMaxDiscountShare().toPlainString()
                + " THEN '" + TagRules.QUALITY_SEEKER + "' END,"
                + "\n    CASE WHEN likes + comments + shares >= " + t.socialMinInteractions()
                + " THEN '" + TagRules.SOCIAL_ENGAGED + "' END"
                + "\n  ], NULL) AS text[])";
    }
}
