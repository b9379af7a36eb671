package org.openretention.segmentation.tags;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.testkit.PlatformTestResources;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TagSql} tags the same profiles as {@link TagRules}, in PostgreSQL, around every threshold. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class TagSqlTest {

    @Inject
    AgroalDataSource dataSource;

    /** A profile and the item counts its top category share is made of. */
    private record Case(ProfileFacts facts, int items, int topItems) {
    }

    private static Case profile(String id, int orders, String aov, String discounted, String category, int items, int topItems,
                                int likes, int comments, int shares) {
        return profile(id, orders, aov, discounted, category, items, topItems, likes, comments, shares, null);
    }

    private static Case profile(String id, int orders, String aov, String discounted, String category, int items, int topItems,
                                int likes, int comments, int shares, Integer recentNps) {
        Instant at = orders > 0 ? Instant.parse("2026-01-01T00:00:00Z") : null;
        BigDecimal share = items == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(topItems).divide(BigDecimal.valueOf(items), 4,
                java.math.RoundingMode.HALF_UP);
        ProfileFacts facts = new ProfileFacts(id, null, at, at, orders, new BigDecimal(aov).multiply(BigDecimal.valueOf(orders)),
                BigDecimal.ZERO, new BigDecimal(aov), 0, new BigDecimal(discounted), category, share,
                new ProfileFacts.Interactions(likes, comments, shares, 0, 0), null, new ProfileFacts.Feedback(recentNps, 0));
        return new Case(facts, items, topItems);
    }

    @Test
    void postgresqlAndJavaTagTheSameProfiles() throws Exception {
        List<Case> cases = List.of(
                profile("half-discounted", 2, "100", "0.5", null, 0, 0, 0, 0, 0),
                profile("mostly-discounted", 3, "40", "0.6667", null, 0, 0, 0, 0, 0),
                profile("one-discounted-order", 1, "40", "1", null, 0, 0, 0, 0, 0),
                profile("quality-at-the-line", 4, "75", "0", "BOOKS", 10, 4, 0, 0, 0),
                profile("quality-too-discounted", 5, "150", "0.2001", "BOOKS", 10, 3, 0, 0, 0),
                profile("quality-just-under", 5, "74.99", "0.2", "TOYS", 3, 2, 0, 0, 0),
                profile("social-never-ordered", 0, "0", "0", null, 0, 0, 3, 1, 1),
                profile("almost-social", 0, "0", "0", null, 0, 0, 2, 1, 1),
                profile("padded-category", 2, "10", "0", " TEA ", 10, 5, 0, 0, 0),
                profile("share-rounds-up-to-the-line", 1, "10", "0", "TEA", 20000, 7999, 0, 0, 0),
                profile("share-just-under-the-line", 1, "10", "0", "TEA", 20000, 7998, 0, 0, 0),
                profile("share-on-the-line", 1, "10", "0", "TEA", 5, 2, 0, 0, 0),
                profile("blank-category", 2, "10", "0", "  ", 10, 9, 0, 0, 0),
                profile("everything", 6, "200", "0.1", "GARDEN", 7, 7, 10, 0, 0),
                profile("detractor-at-the-line", 2, "100", "0.5", null, 0, 0, 0, 0, 0, 6),
                profile("passive-seven", 1, "10", "0", null, 0, 0, 0, 0, 0, 7),
                profile("passive-eight", 1, "10", "0", null, 0, 0, 0, 0, 0, 8),
                profile("promoter-at-the-line", 2, "100", "0.6", "TEA", 10, 9, 0, 0, 0, 9),
                profile("promoter-everything", 6, "200", "0.1", "GARDEN", 7, 7, 10, 0, 0, 10),
                profile("detractor-never-ordered", 0, "0", "0", null, 0, 0, 0, 0, 0, 0));
        for (BigDecimal meanAov : Arrays.asList(new BigDecimal("50"), null, BigDecimal.ZERO)) {
            TagThresholds thresholds = TagThresholds.defaults();
            TagRules rules = new TagRules(thresholds);
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < cases.size(); i++) {
                values.append(i == 0 ? "" : ",\n").append("(?, ?, CAST(? AS numeric), CAST(? AS numeric), ?, CAST(? AS text[]), "
                        + "CAST(? AS int[]), ?, ?, ?, CAST(? AS int))");
            }
            String sql = "SELECT customer_id, " + TagSql.tagsArray(thresholds, "mean_aov") + " FROM (SELECT CAST(? AS numeric) AS mean_aov) m"
                    + " CROSS JOIN (VALUES " + values
                    + ") AS v (customer_id, order_count, avg_order_value, discounted_order_share, items, top_categories,"
                    + " top_category_items, likes, comments, shares, recent_nps)";
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                s.setBigDecimal(p++, meanAov);
                for (Case k : cases) {
                    ProfileFacts f = k.facts();
                    s.setString(p++, f.customerId());
                    s.setInt(p++, f.orderCount());
                    s.setString(p++, f.averageOrderValue().toPlainString());
                    s.setString(p++, f.discountedOrderShare().toPlainString());
                    s.setInt(p++, k.items());
                    s.setArray(p++, c.createArrayOf("text", f.topCategory() == null ? new Object[0] : new Object[]{f.topCategory()}));
                    s.setArray(p++, c.createArrayOf("int4", f.topCategory() == null ? new Object[0] : new Object[]{k.topItems()}));
                    s.setInt(p++, f.interactions().likes());
                    s.setInt(p++, f.interactions().comments());
                    s.setInt(p++, f.interactions().shares());
                    s.setObject(p++, f.feedback().recentNps(), java.sql.Types.INTEGER);
                }
                List<String> checked = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        ProfileFacts facts = cases.stream().filter(k -> k.facts().customerId().equals(id)).findFirst().orElseThrow().facts();
                        assertThat(Arrays.asList((String[]) rs.getArray(2).getArray()))
                                .as("tags of %s with mean AOV %s", id, meanAov)
                                .containsExactlyElementsOf(rules.tags(facts, meanAov));
                        checked.add(id);
                    }
                }
                assertThat(checked).hasSize(cases.size());
            }
        }
    }
}
