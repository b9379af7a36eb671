package org.openretention.segmentation.rfm;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.store.NamedSql;
import org.openretention.testkit.PlatformTestResources;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RfmScorer#sql} scores the same customers as {@link RfmScorer#score}, in PostgreSQL: ranks from running counts of
 * distinct values (recency, frequency) and from {@code rank()} (monetary), with many ties in every measure, customers
 * who never ordered, and a zone where the calendar day differs from UTC's.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class RfmSqlTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void postgresqlAndJavaScoreTheSameCustomers() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant asOf = Instant.parse("2026-06-01T17:30:00Z");
        SplittableRandom random = new SplittableRandom(7);
        List<ProfileFacts> customers = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            int orders = random.nextInt(0, 6); // a sixth never ordered; few distinct counts: many ties
            Instant last = orders == 0 ? null : asOf.minus(Duration.ofHours(random.nextInt(0, 24 * 40)));
            // spends in whole tens, so that equal spends are common too
            BigDecimal spend = orders == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(10L * random.nextInt(1, 30));
            customers.add(new ProfileFacts("rfm-" + i, null, last, last, orders, spend, BigDecimal.ZERO,
                    orders == 0 ? BigDecimal.ZERO : spend.divide(BigDecimal.valueOf(orders), 2, java.math.RoundingMode.HALF_UP), 0,
                    BigDecimal.ZERO, null, BigDecimal.ZERO, new ProfileFacts.Interactions(0, 0, 0, 0, 0), null));
        }
        Map<String, RfmScores> java = new RfmScorer(zone).score(customers, asOf);

        Map<String, int[]> sql = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE rfm_case (customer_id varchar, last_order_at timestamptz, order_count int, net_spend numeric) "
                        + "ON COMMIT DROP");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rfm_case VALUES (?, ?, ?, ?)")) {
                for (ProfileFacts f : customers) {
                    insert.setString(1, f.customerId());
                    insert.setTimestamp(2, f.lastOrderAt() == null ? null : Timestamp.from(f.lastOrderAt()));
                    insert.setInt(3, f.orderCount());
                    insert.setBigDecimal(4, f.netSpend());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement query = NamedSql.parse(new RfmScorer(zone).sql("rfm_case"))
                    .prepare(c, Map.of("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)));
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sql.put(rs.getString("customer_id"), new int[] {rs.getInt("r_score"), rs.getInt("f_score"), rs.getInt("m_score")});
                    RfmScores expected = java.get(rs.getString("customer_id"));
                    assertThat(rs.getString("segment")).as("segment of %s", rs.getString("customer_id"))
                            .isEqualTo(expected.segment().name());
                }
            }
            c.rollback();
        }
        assertThat(sql).hasSameSizeAs(java);
        java.forEach((id, scores) -> assertThat(sql.get(id)).as("scores of %s", id)
                .containsExactly(scores.recency(), scores.frequency(), scores.monetary()));
        assertThat(java.values().stream().map(RfmScores::recency).distinct().count()).as("every recency score occurs").isEqualTo(5);
    }
}
