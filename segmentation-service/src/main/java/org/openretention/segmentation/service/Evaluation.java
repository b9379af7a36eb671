package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.events.segments.RfmSegment;
import org.openretention.events.segments.RfmSegmentChanged;
import org.openretention.events.segments.TagsChanged;
import org.openretention.platform.config.PlatformConfig;
import org.openretention.platform.jobs.ClusterJobs;
import org.openretention.platform.messaging.Outbox;
import org.openretention.platform.messaging.StreamPositions;
import org.openretention.segmentation.config.EvaluationSettings;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.lifecycle.StageReasonSql;
import org.openretention.segmentation.lifecycle.StageRules;
import org.openretention.segmentation.lifecycle.StageSql;
import org.openretention.segmentation.lifecycle.StageThresholds;
import org.openretention.segmentation.profile.CalendarDays;
import org.openretention.segmentation.profile.RollingWindows;
import org.openretention.segmentation.rfm.RfmScorer;
import org.openretention.segmentation.store.EvaluationRun;
import org.openretention.segmentation.store.NamedSql;
import org.openretention.segmentation.tags.TagSql;
import org.openretention.segmentation.tags.TagThresholds;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The time-driven evaluation: the lifecycle stage, RFM scores and segment, tags and churn flag of every customer as
 * of an instant, computed set-based in PostgreSQL (no Java object per customer), compared with what
 * {@code customer_segment} holds, the changed rows written and only the changes published on {@code segment-events}.
 * Runs in one instance at a time (the {@link ClusterJobs} lock), on a schedule and on demand, both through
 * {@link #runNow} or, for any instant, {@link #runAsOf}; rules are evaluated in event time, so a run's result does not
 * depend on when it happens to run.
 *
 * <p>One transaction, on one connection, in steps (temporary tables dropped at commit):
 * <ol>
 *   <li>{@code eval_facts}: every profile with its rolling windows (12-month spend, orders in 90 days) counted back
 *       from {@code asOf} over {@code profile_placed_order} ({@link RollingWindows}), not the stored as-of-last-event
 *       figures; all-time figures are the profile's, as the profile API evaluates them;</li>
 *   <li>the population facts of the high-net-worth rule ({@link StageSql#population});</li>
 *   <li>{@code eval_result}: stage ({@link StageSql#stageCase}) with its reason ({@link StageReasonSql}), RFM scores and
 *       segment ({@link RfmScorer#sql}) and tags ({@link TagSql});</li>
 *   <li>{@code eval_changed}: the rows that differ from {@code customer_segment}, with the churn flag
 *       ({@link #CHURN_FLAG}); written with one upsert; segments of customers without a profile (erased) deleted;</li>
 *   <li>the changes read with a cursor and published through the outbox in chunks
 *       ({@code segmentation.evaluation.publish-chunk} events per {@code Outbox.publishAll}).</li>
 * </ol>
 */
@ApplicationScoped
public class Evaluation {

    private static final Logger LOG = Logger.getLogger(Evaluation.class);
    private static final String JOB = "segmentation-evaluation";
    private static final String AS_OF = "CAST(:asOf AS timestamptz)";

    /**
     * The churn flag and its rule, SQL over a row of {@code eval_result} ({@code e}). The extension point for the
     * purchase models: the probability-alive rule adds a join of the fitted probabilities in {@link #changedSql} and a
     * first {@code WHEN} branch here ({@code PROBABILITY_ALIVE_BELOW_THRESHOLD}); both must stay in loyalty-events'
     * {@code ChurnRule}.
     */
    static final String CHURN_FLAG = "CASE WHEN e.lifecycle_stage = 'AT_RISK' THEN 'ENTERED_AT_RISK' END";

    /** What one run did. */
    public record Run(Instant asOf, long customers, long changed, long durationMs) {
    }

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final ClusterJobs jobs;
    private final StreamPositions positions;
    private final PlatformConfig platform;
    private final Clock clock;
    private final EvaluationSettings settings;
    private final String source;
    private final String currency;
    private final StageThresholds thresholds;
    private final String factsSql;
    private final String populationSql;
    private final String resultSql;
    private final String changesSql;

    /** The browse-abandonment step of {@link #evaluate}, field-injected to keep it apart from the constructor. */
    @Inject
    BrowseAbandonmentSweep browseAbandonment;

    @Inject
    public Evaluation(AgroalDataSource dataSource, Outbox outbox, ClusterJobs jobs, StreamPositions positions, PlatformConfig platform,
                      Clock clock, EvaluationSettings settings, SegmentationConfig config, StageRules stageRules) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.jobs = jobs;
        this.positions = positions;
        this.platform = platform;
        this.clock = clock;
        this.settings = settings;
        this.source = config.eventSource();
        this.currency = config.currency();
        this.thresholds = stageRules.thresholds();
        this.factsSql = factsSql(thresholds);
        this.populationSql = StageSql.population(thresholds, "eval_facts");
        this.resultSql = resultSql(thresholds, TagThresholds.defaults());
        this.changesSql = changesSql(thresholds);
    }

    @Scheduled(every = "${segmentation.evaluation.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runExclusively(this::settledNow, EvaluationRun.Trigger.SCHEDULED).ifPresent(run ->
                LOG.infof("Segment evaluation as of %s: %d customers, %d changed, %d ms", run.asOf(), run.customers(),
                        run.changed(), run.durationMs()));
    }

    /**
     * Evaluates as of now by the injected clock or, while input is still catching up, as of the time up to which all
     * of it has been applied ({@link StreamPositions#settledUntil}).
     *
     * @return what the run did; empty when a run is in progress already (in this or another instance)
     */
    public Optional<Run> runNow() {
        return runExclusively(this::settledNow, EvaluationRun.Trigger.ON_DEMAND);
    }

    /** Evaluates as of {@code asOf}; empty when a run is in progress already (in this or another instance). */
    public Optional<Run> runAsOf(Instant asOf) {
        return runExclusively(() -> asOf, EvaluationRun.Trigger.ON_DEMAND);
    }

    private Optional<Run> runExclusively(Supplier<Instant> asOf, EvaluationRun.Trigger trigger) {
        Run[] run = new Run[1];
        boolean ran = jobs.runExclusively(JOB, () -> run[0] = QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(1, settings.timeout().toSeconds()))
                .call(() -> evaluate(asOf.get(), trigger)));
        return ran ? Optional.of(run[0]) : Optional.empty();
    }

    private Instant settledNow() {
        Instant now = clock.instant();
        Instant asOf = positions.settledUntil(now, platform.intake().settleAfter());
        if (asOf.isBefore(now)) {
            LOG.infof("Input is still catching up (applied up to %s); the segment evaluation runs as of then", asOf);
        }
        return asOf;
    }

    private Run evaluate(Instant asOf, EvaluationRun.Trigger trigger) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        long customers;
        long changed;
        try (Connection c = dataSource.getConnection()) {
            String workMem = settings.workMem().strip();
            if (!workMem.matches("[0-9]+ ?(kB|MB|GB)?")) {
                throw new IllegalArgumentException("segmentation.evaluation.work-mem must be a size such as 256MB, was " + workMem);
            }
            execute(c, "SET LOCAL work_mem = '" + workMem + "'", Map.of());
            long t0 = System.nanoTime();
            execute(c, factsSql, parameters);
            execute(c, "ANALYZE eval_facts", Map.of());
            long t1 = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement(populationSql); ResultSet rs = s.executeQuery()) {
                rs.next();
                parameters.put("hnwSpendCut", rs.getBigDecimal(1));
                if (thresholds.meanAovOverride() == null) {
                    parameters.put("meanAov", rs.getBigDecimal(2));
                }
                // the tags compare with the population's mean order value, whatever the stage rules' override
                parameters.put("populationMeanAov", rs.getBigDecimal(2));
            }
            customers = execute(c, resultSql, parameters);
            long t2 = System.nanoTime();
            execute(c, changedSql(), parameters);
            changed = execute(c, UPSERT, parameters);
            execute(c, "DELETE FROM customer_segment s WHERE NOT EXISTS (SELECT 1 FROM eval_result e WHERE e.customer_id = s.customer_id)",
                    Map.of());
            long t3 = System.nanoTime();
            // browse abandonment (issue 14): the sessions whose order window closed as of asOf, published once each
            browseAbandonment.publishAbandoned(c, asOf);
            int published = publishChanges(c, asOf, parameters);
            LOG.debugf("Segment evaluation as of %s: facts %d ms, stages/RFM/tags %d ms, compare and write %d ms, %d events published in %d ms",
                    asOf, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, published, (System.nanoTime() - t3) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("the segment evaluation failed: " + e.getMessage(), e);
        }
        EvaluationRun run = new EvaluationRun();
        run.asOf = asOf;
        run.startedAt = startedAt;
        run.customers = customers;
        run.changed = changed;
        run.durationMs = (System.nanoTime() - start) / 1_000_000;
        run.trigger = trigger;
        run.persist();
        return new Run(asOf, customers, changed, run.durationMs);
    }

    private static long execute(Connection c, String sql, Map<String, ?> parameters) throws SQLException {
        try (PreparedStatement s = NamedSql.parse(sql).prepare(c, parameters)) {
            s.execute();
            return Math.max(0, s.getUpdateCount());
        }
    }

    private static String factsSql(StageThresholds t) {
        return """
                CREATE TEMP TABLE eval_facts ON COMMIT DROP AS
                SELECT p.customer_id, p.registered_at, p.first_order_at, p.last_order_at, p.order_count, p.net_spend,
                       p.avg_order_value, p.discounted_order_share, p.items, p.top_categories, p.top_category_items,
                       p.likes, p.comments, p.shares,
                       COALESCE(w.spend_12m, 0) AS spend_12m, COALESCE(w.orders_90d, 0) AS orders_90d
                FROM customer_profile p
                LEFT JOIN (SELECT customer_id, sum(net_spend) FILTER (WHERE %s) AS spend_12m,
                                  count(*) FILTER (WHERE %s) AS orders_90d
                           FROM profile_placed_order
                           WHERE counted AND occurred_at <= %s AND occurred_at > %s - INTERVAL '13 months'
                           GROUP BY customer_id) w ON w.customer_id = p.customer_id"""
                .formatted(RollingWindows.sqlInLast12Months("occurred_at", AS_OF, t.zone()),
                        RollingWindows.sqlInLast90Days("occurred_at", AS_OF, t.zone()), AS_OF, AS_OF);
    }

    private static String resultSql(StageThresholds t, TagThresholds tags) {
        RfmScorer rfm = new RfmScorer(t.zone());
        return """
                CREATE TEMP TABLE eval_result ON COMMIT DROP AS
                SELECT s.customer_id, s.stage AS lifecycle_stage,
                       r.r_score, r.f_score, r.m_score,
                       CASE WHEN s.order_count > 0 THEN GREATEST(%s, 0) END AS recency_days,
                       CASE WHEN s.order_count > 0 THEN s.order_count END AS frequency,
                       CASE WHEN s.order_count > 0 THEN GREATEST(s.net_spend, 0) END AS monetary,
                       r.segment AS rfm_segment, s.tags
                FROM (SELECT f.*, %s AS stage, %s AS tags FROM eval_facts f) s
                LEFT JOIN (%s) r ON r.customer_id = s.customer_id"""
                .formatted(CalendarDays.sql("s.last_order_at", AS_OF, t.zone()), StageSql.stageCase(t), TagSql.tagsArray(tags, "CAST(:populationMeanAov AS numeric)"), rfm.sql("eval_facts"));
    }

    private static String changedSql() {
        return """
                CREATE TEMP TABLE eval_changed ON COMMIT DROP AS
                SELECT n.*, o.lifecycle_stage AS old_stage, o.rfm_segment AS old_segment, o.tags AS old_tags,
                       CASE WHEN o.lifecycle_stage = n.lifecycle_stage THEN o.stage_since ELSE %s END AS stage_since
                FROM (SELECT e.*, (%s) IS NOT NULL AS churn_flagged, %s AS churn_rule FROM eval_result e) n
                LEFT JOIN customer_segment o ON o.customer_id = n.customer_id
                WHERE o.customer_id IS NULL
                   OR (n.lifecycle_stage, n.rfm_segment, n.r_score, n.f_score, n.m_score, n.tags, n.churn_flagged, n.churn_rule)
                      IS DISTINCT FROM
                      (o.lifecycle_stage, o.rfm_segment, o.r_score, o.f_score, o.m_score, o.tags, o.churn_flagged, o.churn_rule)"""
                .formatted(AS_OF, CHURN_FLAG, CHURN_FLAG);
    }

    private static final String UPSERT = """
            INSERT INTO customer_segment AS s (customer_id, as_of, lifecycle_stage, stage_since, r_score, f_score, m_score,
                recency_days, frequency, monetary, rfm_segment, tags, churn_flagged, churn_rule, updated_at)
            SELECT customer_id, CAST(:asOf AS timestamptz), lifecycle_stage, stage_since, r_score, f_score, m_score,
                   recency_days, frequency, monetary, rfm_segment, tags, churn_flagged, churn_rule, now()
            FROM eval_changed
            ON CONFLICT (customer_id) DO UPDATE SET
                as_of = EXCLUDED.as_of, lifecycle_stage = EXCLUDED.lifecycle_stage, stage_since = EXCLUDED.stage_since,
                r_score = EXCLUDED.r_score, f_score = EXCLUDED.f_score, m_score = EXCLUDED.m_score,
                recency_days = EXCLUDED.recency_days, frequency = EXCLUDED.frequency, monetary = EXCLUDED.monetary,
                rfm_segment = EXCLUDED.rfm_segment, tags = EXCLUDED.tags, churn_flagged = EXCLUDED.churn_flagged,
                churn_rule = EXCLUDED.churn_rule, updated_at = EXCLUDED.updated_at""";

    /** The changes to publish; the stage's reason is rendered for the customers whose stage changed only. */
    private static String changesSql(StageThresholds t) {
        return """
                SELECT customer_id, old_stage, lifecycle_stage,
                       CASE WHEN old_stage IS DISTINCT FROM lifecycle_stage THEN %s END AS stage_reason,
                       old_segment, rfm_segment, recency_days, frequency, monetary, r_score, f_score, m_score, old_tags, tags
                FROM (SELECT x.*, x.lifecycle_stage AS stage, f.registered_at, f.first_order_at, f.last_order_at, f.order_count,
                             f.spend_12m, f.avg_order_value, f.orders_90d
                      FROM eval_changed x JOIN eval_facts f ON f.customer_id = x.customer_id
                      WHERE x.old_stage IS DISTINCT FROM x.lifecycle_stage
                         OR (x.rfm_segment IS NOT NULL AND x.old_segment IS DISTINCT FROM x.rfm_segment)
                         OR COALESCE(x.old_tags, CAST('{}' AS text[])) <> x.tags) c"""
                .formatted(StageReasonSql.reasonCase(t));
    }

    /** Reads the changes with a cursor and publishes them in chunks, a customer's events in the order stage, RFM, tags. */
    private int publishChanges(Connection c, Instant asOf, Map<String, ?> parameters) throws SQLException {
        int chunk = Math.max(1, settings.publishChunk());
        int published = 0;
        List<EventEnvelope<?>> events = new ArrayList<>(chunk + 3);
        try (PreparedStatement s = NamedSql.parse(changesSql).prepare(c, parameters)) {
            s.setFetchSize(Math.min(chunk, 10_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String customer = rs.getString("customer_id");
                    String oldStage = rs.getString("old_stage");
                    String stage = rs.getString("lifecycle_stage");
                    if (!stage.equals(oldStage)) {
                        events.add(EventEnvelope.of(customer, asOf, source, new LifecycleStageChanged(
                                oldStage == null ? null : LifecycleStage.valueOf(oldStage), LifecycleStage.valueOf(stage), asOf,
                                rs.getString("stage_reason"))));
                    }
                    String oldSegment = rs.getString("old_segment");
                    String segment = rs.getString("rfm_segment");
                    if (segment != null && !segment.equals(oldSegment)) {
                        BigDecimal monetary = rs.getBigDecimal("monetary");
                        events.add(EventEnvelope.of(customer, asOf, source, new RfmSegmentChanged(
                                oldSegment == null ? null : RfmSegment.valueOf(oldSegment), RfmSegment.valueOf(segment),
                                rs.getInt("recency_days"), rs.getInt("frequency"), monetary, currency,
                                rs.getInt("r_score"), rs.getInt("f_score"), rs.getInt("m_score"), asOf)));
                    }
                    List<String> oldTags = strings(rs.getArray("old_tags"));
                    List<String> tags = strings(rs.getArray("tags"));
                    if (!oldTags.equals(tags)) {
                        TreeSet<String> added = new TreeSet<>(tags);
                        oldTags.forEach(added::remove);
                        TreeSet<String> removed = new TreeSet<>(oldTags);
                        tags.forEach(removed::remove);
                        events.add(EventEnvelope.of(customer, asOf, source,
                                new TagsChanged(List.copyOf(added), List.copyOf(removed), tags)));
                    }
                    if (events.size() >= chunk) {
                        published += events.size();
                        outbox.publishAll(Topics.SEGMENT_EVENTS, events);
                        events = new ArrayList<>(chunk + 3);
                    }
                }
            }
        }
        outbox.publishAll(Topics.SEGMENT_EVENTS, events);
        return published + events.size();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
