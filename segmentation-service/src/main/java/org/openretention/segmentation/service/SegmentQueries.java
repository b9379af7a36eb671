package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.openretention.segmentation.lifecycle.LifecycleStage;
import org.openretention.segmentation.rfm.RfmSegment;
import org.openretention.segmentation.store.EvaluationRun;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the API shows of the segments: counts, paged member lists, and whole lists streamed with a cursor. */
@ApplicationScoped
public class SegmentQueries {

    /** A customer's row of {@code customer_segment}. */
    /**
     * @param probabilityAlive  by the active fit as of {@code asOf}; absent without a fit or for a customer who never bought
     * @param clv12m            12-month customer lifetime value by the active fit, reporting currency; absent likewise
     * @param nextPurchaseOn    the day (shop's zone) the customer is expected to buy again; absent without a basis
     */
    public record Member(String customerId, String lifecycleStage, Instant stageSince, Integer r, Integer f, Integer m,
                         Integer recencyDays, Integer frequency, BigDecimal monetary, String rfmSegment, List<String> tags,
                         boolean churnFlagged, String churnRule, Double probabilityAlive, BigDecimal clv12m,
                         LocalDate nextPurchaseOn, Instant asOf) {
    }

    /** Customers by lifecycle stage and by RFM segment (every value, 0 when empty), as of the latest evaluation. */
    public record Counts(Instant asOf, Map<String, Long> lifecycleStages, Map<String, Long> rfmSegments, long customers) {
    }

    public record Page(Instant asOf, int page, int size, long total, List<Member> customers) {
    }

    /** Receives the members of a streamed list, one at a time. */
    public interface MemberSink {
        void accept(Member member) throws java.io.IOException;
    }

    private static final String COLUMNS = """
            customer_id, lifecycle_stage, stage_since, r_score, f_score, m_score, recency_days, frequency, monetary,
            rfm_segment, tags, churn_flagged, churn_rule, probability_alive, clv_12m, next_purchase_on, as_of""";

    private final EntityManager entities;
    private final AgroalDataSource dataSource;

    @Inject
    public SegmentQueries(EntityManager entities, AgroalDataSource dataSource) {
        this.entities = entities;
        this.dataSource = dataSource;
    }

    /** The latest evaluation run; empty before the first. */
    @Transactional
    public Optional<EvaluationRun> latestRun() {
        return EvaluationRun.latest();
    }

    @Transactional
    public Counts counts() {
        Instant asOf = EvaluationRun.latest().map(r -> r.asOf).orElse(null);
        Map<String, Long> stages = new LinkedHashMap<>();
        for (LifecycleStage s : LifecycleStage.values()) {
            stages.put(s.name(), 0L);
        }
        Map<String, Long> segments = new LinkedHashMap<>();
        for (RfmSegment s : RfmSegment.values()) {
            segments.put(s.name(), 0L);
        }
        long customers = 0;
        for (Object row : entities.createNativeQuery(
                "SELECT lifecycle_stage, count(*) FROM customer_segment GROUP BY lifecycle_stage").getResultList()) {
            Object[] r = (Object[]) row;
            stages.put((String) r[0], ((Number) r[1]).longValue());
            customers += ((Number) r[1]).longValue();
        }
        for (Object row : entities.createNativeQuery(
                "SELECT rfm_segment, count(*) FROM customer_segment WHERE rfm_segment IS NOT NULL GROUP BY rfm_segment").getResultList()) {
            Object[] r = (Object[]) row;
            segments.put((String) r[0], ((Number) r[1]).longValue());
        }
        return new Counts(asOf, stages, segments, customers);
    }

    /** The customer's stored segments; empty before their first evaluation. */
    public Optional<Member> ofCustomer(String customerId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM customer_segment WHERE customer_id = ?")) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(member(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the customer's segments: " + e.getMessage(), e);
        }
    }

    /** A page of the customers in {@code stage}, by customer id; empty when no evaluation has run. */
    @Transactional
    public Optional<Page> inStage(LifecycleStage stage, int page, int size) {
        return page("lifecycle_stage", stage.name(), page, size);
    }

    @Transactional
    public Optional<Page> inSegment(RfmSegment segment, int page, int size) {
        return page("rfm_segment", segment.name(), page, size);
    }

    /** Streams every customer in {@code stage}, by customer id, with a cursor (constant memory). */
    public void streamStage(LifecycleStage stage, MemberSink sink) throws java.io.IOException {
        stream("lifecycle_stage", stage.name(), sink);
    }

    public void streamSegment(RfmSegment segment, MemberSink sink) throws java.io.IOException {
        stream("rfm_segment", segment.name(), sink);
    }

    private Optional<Page> page(String column, String value, int page, int size) {
        Optional<EvaluationRun> latest = EvaluationRun.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long total = ((Number) entities.createNativeQuery("SELECT count(*) FROM customer_segment WHERE " + column + " = :v")
                .setParameter("v", value).getSingleResult()).longValue();
        List<Member> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM customer_segment WHERE " + column
                     + " = ? ORDER BY customer_id LIMIT ? OFFSET ?")) {
            s.setString(1, value);
            s.setInt(2, size);
            s.setLong(3, (long) page * size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.add(member(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the segment: " + e.getMessage(), e);
        }
        return Optional.of(new Page(latest.get().asOf, page, size, total, members));
    }

    private void stream(String column, String value, MemberSink sink) throws java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: PostgreSQL's JDBC driver fetches in chunks only inside a transaction
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM customer_segment WHERE " + column
                    + " = ? ORDER BY customer_id")) {
                s.setFetchSize(1000);
                s.setString(1, value);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(member(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the segment: " + e.getMessage(), e);
        }
    }

    private static Member member(ResultSet rs) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Member(rs.getString("customer_id"), rs.getString("lifecycle_stage"), instant(rs.getTimestamp("stage_since")),
                integer(rs, "r_score"), integer(rs, "f_score"), integer(rs, "m_score"), integer(rs, "recency_days"),
                integer(rs, "frequency"), rs.getBigDecimal("monetary"), rs.getString("rfm_segment"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), rs.getBoolean("churn_flagged"),
                rs.getString("churn_rule"), probability(rs), rs.getBigDecimal("clv_12m"),
                rs.getObject("next_purchase_on", LocalDate.class), instant(rs.getTimestamp("as_of")));
    }

    private static Double probability(ResultSet rs) throws SQLException {
        double p = rs.getDouble("probability_alive");
        return rs.wasNull() ? null : p;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
