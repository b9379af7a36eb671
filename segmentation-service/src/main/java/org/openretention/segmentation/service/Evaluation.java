package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.segments.ChurnModel;
import org.openretention.events.segments.ChurnRiskFlagged;
import org.openretention.events.segments.ChurnRule;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.events.segments.RfmSegment;
import org.openretention.events.segments.RfmSegmentChanged;
import org.openretention.events.segments.RepurchaseBasis;
import org.openretention.events.segments.RepurchaseDue;
import org.openretention.events.segments.TagsChanged;
import org.openretention.platform.config.PlatformConfig;
import org.openretention.platform.jobs.ClusterJobs;
import org.openretention.platform.messaging.Outbox;
import org.openretention.platform.messaging.StreamPositions;
import org.openretention.segmentation.config.EvaluationSettings;
import org.openretention.segmentation.config.ModelSettings;
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
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * <p>One transaction, on one connection, in steps. The work tables of a million rows ({@code eval_facts},
 * {@code eval_scores}, {@code eval_category_interval}, {@code eval_rfm}, {@code eval_changed}) are unlogged tables
 * created in the transaction and dropped before it commits (a failed run's go with its rollback): unlike temporary
 * tables, PostgreSQL scans them with parallel workers, which took the comparison from 4.7 to 2.8 s over a million
 * customers on two cores. Only one run at a time uses the names (the cluster job lock); the small {@code eval_due} is
 * temporary.
 * <ol>
 *   <li>{@code eval_facts}: every profile with its rolling windows (12-month spend, orders in 90 days) counted back
 *       from {@code asOf} over {@code profile_placed_order} ({@link RollingWindows}), not the stored as-of-last-event
 *       figures; all-time figures are the profile's, as the profile API evaluates them;</li>
 *   <li>the population facts of the high-net-worth rule ({@link StageSql#population});</li>
 *   <li>{@code eval_scores}: the active model fit's probability alive and discounted purchases per distinct
 *       (x, t_x, T) ({@link ChurnScores}); {@code eval_category_interval}: the typical repeat interval per top
 *       category, for repurchase timing;</li>
 *   <li>{@code eval_rfm}: the RFM scores and segment of every purchasing customer ({@link RfmScorer#sql});</li>
 *   <li>{@code eval_changed}: each customer's result, computed and compared with {@code customer_segment} in one
 *       statement, keeping the rows that differ: stage ({@link StageSql#stageCase}) with its reason
 *       ({@link StageReasonSql}), RFM, tags ({@link TagSql}), churn scores and CLV, the expected next purchase
 *       ({@code RepurchaseTiming}, rendered in SQL by {@link #repurchaseSql}) and the churn flag ({@link #churnFlagSql});
 *       written with one upsert (an erased customer's segments went with the profile);</li>
 *   <li>browse abandonment ({@link BrowseAbandonmentSweep}): the browsing sessions whose order window closed, decided
 *       and the abandoned ones published once each;</li>
 *   <li>the changes read with a cursor and published through the outbox in chunks
 *       ({@code segmentation.evaluation.publish-chunk} events per {@code Outbox.publishAll}): stage, RFM segment, tags,
 *       and {@code ChurnRiskFlagged} when a customer becomes flagged (or by another rule);</li>
 *   <li>{@code eval_due}: the customers whose {@code RepurchaseDue} is due and not yet published for their last order,
 *       marked as published and published.</li>
 * </ol>
 */
@ApplicationScoped
public class Evaluation {

    private static final Logger LOG = Logger.getLogger(Evaluation.class);
    private static final String JOB = "segmentation-evaluation";
    private static final String AS_OF = "CAST(:asOf AS timestamptz)";
    /** The calendar date of {@code asOf} in the shop's zone, bound as a {@code LocalDate}. */
    private static final String AS_OF_DAY = "CAST(:asOfDay AS date)";

    /**
     * The churn flag's rule, SQL over a row of the result ({@code e}); NULL when not flagged. First the model:
     * a customer with at least one repeat purchase whose probability alive is below the threshold; then feedback: an NPS
     * detractor (recent answer 0 to 6) or a customer with an unresolved complaint whose probability alive is below the
     * higher feedback threshold; then the stage: {@code AT_RISK}. The names are loyalty-events' {@code ChurnRule}.
     */
    static String churnFlagSql() {
        return "CASE WHEN e.repeat_intervals >= 1 AND e.p_alive < CAST(:churnThreshold AS double precision) THEN '"
                + ChurnRule.PROBABILITY_ALIVE_BELOW_THRESHOLD.name() + "'"
                + " WHEN (e.recent_nps <= 6 OR e.open_complaints > 0) AND e.p_alive < CAST(:feedbackThreshold AS double precision) THEN '"
                + ChurnRule.FEEDBACK.name() + "'"
                + " WHEN e.lifecycle_stage = 'AT_RISK' THEN '" + ChurnRule.ENTERED_AT_RISK.name() + "' END";
    }

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
    private final ModelSettings modelSettings;
    private final ChurnScores churnScores;
    private final ZoneId zone;
    private final String source;
    private final String currency;
    private final StageThresholds thresholds;
    private final String factsSql;
    private final String populationSql;
    private final String changesSql;

    private final BrowseAbandonmentSweep browseAbandonment;

    @Inject
    public Evaluation(AgroalDataSource dataSource, Outbox outbox, ClusterJobs jobs, StreamPositions positions, PlatformConfig platform,
                      Clock clock, EvaluationSettings settings, ModelSettings modelSettings, ChurnScores churnScores,
                      BrowseAbandonmentSweep browseAbandonment, SegmentationConfig config, StageRules stageRules) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.jobs = jobs;
        this.positions = positions;
        this.platform = platform;
        this.clock = clock;
        this.settings = settings;
        this.modelSettings = modelSettings;
        this.churnScores = churnScores;
        this.browseAbandonment = browseAbandonment;
        this.source = config.eventSource();
        this.currency = config.currency();
        this.thresholds = stageRules.thresholds();
        this.zone = thresholds.zone();
        if (settings.repurchaseLeadDays() < 0 || settings.repurchaseLateDays() < 0 || settings.repurchaseMinIntervals() < 1) {
            throw new IllegalArgumentException("segmentation.evaluation.repurchase-lead-days and -late-days must not be negative, "
                    + "repurchase-min-intervals must be at least 1");
        }
        double threshold = modelSettings.churnThreshold();
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("segmentation.models.churn-threshold must be a probability from 0 to 1, was " + threshold);
        }
        double feedbackThreshold = modelSettings.feedbackChurnThreshold();
        if (!(feedbackThreshold >= 0 && feedbackThreshold <= 1)) {
            throw new IllegalArgumentException("segmentation.models.feedback-churn-threshold must be a probability from 0 to 1, was "
                    + feedbackThreshold);
        }
        this.factsSql = factsSql(thresholds);
        this.populationSql = StageSql.population(thresholds, "eval_facts");
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
        parameters.put("asOfDay", LocalDate.ofInstant(asOf, zone));
        // the rolling windows as the first instants of their first dates: the orders are compared, not converted to dates
        parameters.put("from90d", OffsetDateTime.ofInstant(RollingWindows.last90DaysStart(asOf, zone), ZoneOffset.UTC));
        parameters.put("from12m", OffsetDateTime.ofInstant(RollingWindows.last12MonthsStart(asOf, zone), ZoneOffset.UTC));
        parameters.put("npsSince", OffsetDateTime.ofInstant(asOf.minus(modelSettings.npsValidFor()), ZoneOffset.UTC));
        parameters.put("leadDays", settings.repurchaseLeadDays());
        parameters.put("lateDays", settings.repurchaseLateDays());
        parameters.put("minIntervals", settings.repurchaseMinIntervals());
        long customers;
        long changed;
        try (Connection c = dataSource.getConnection()) {
            String workMem = settings.workMem().strip();
            if (!workMem.matches("[0-9]+ ?(kB|MB|GB)?")) {
                throw new IllegalArgumentException("segmentation.evaluation.work-mem must be a size such as 256MB, was " + workMem);
            }
            execute(c, "SET LOCAL work_mem = '" + workMem + "'", Map.of());
            // PostgreSQL's JIT compiled the big statements for 1 to 2 s each, more than it saved (EXPLAIN ANALYZE over a
            // million customers)
            execute(c, "SET LOCAL jit = off", Map.of());
            // every join of the evaluation is a million rows against a smaller table: hashed in memory, never a merge join
            // over a sort of a million wide rows on disk (which the planner took when the score table had no key: 9 s
            // instead of 5)
            execute(c, "SET LOCAL enable_mergejoin = off", Map.of());
            long t0 = System.nanoTime();
            customers = execute(c, factsSql, parameters);
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
            Optional<ChurnScores.Active> active = churnScores.active();
            int triples = churnScores.createTable(c, "eval_facts", active, modelSettings.monthlyDiscountRate());
            parameters.put("churnThreshold", active.map(ChurnScores.Active::threshold).orElse(0.0));
            parameters.put("feedbackThreshold", active.isPresent() ? modelSettings.feedbackChurnThreshold() : 0.0);
            parameters.put("churnModel", active.map(a -> a.model().name()).orElse(null));
            parameters.put("churnFitId", active.map(ChurnScores.Active::fitId).orElse(null));
            execute(c, CATEGORY_INTERVALS, Map.of());
            // without statistics the planner guessed 1,200 categories and sorted a million rows on disk to merge-join them
            execute(c, "ANALYZE eval_category_interval", Map.of());
            long t2 = System.nanoTime();
            execute(c, rfmSql(thresholds), parameters);
            execute(c, "ANALYZE eval_rfm", Map.of());
            long t3 = System.nanoTime();
            long rowsChanged = execute(c, changedSql(resultSql(thresholds, TagThresholds.defaults(), active)), parameters);
            changed = rowsChanged == 0 ? 0 : execute(c, UPSERT, parameters);
            if (rowsChanged > 0) {
                // without statistics the planner took eval_changed for large and hashed all of eval_facts to join it: 5 s over
                // a million customers when nothing had changed (segmentation-2026-12-07-d-after-merge.md)
                execute(c, "ANALYZE eval_changed", Map.of());
            }
            // no sweep for the segments of customers without a profile: CustomerErased deletes both at once (4 to 5 s over a
            // million customers even when it found nothing, segmentation-2026-12-07.md)
            long t4 = System.nanoTime();
            // browse abandonment: the sessions whose order window closed as of asOf, published once each
            BrowseAbandonmentSweep.Result abandoned = browseAbandonment.publishAbandoned(c, asOf);
            long t5 = System.nanoTime();
            int published = rowsChanged == 0 ? 0 : publishChanges(c, asOf, parameters, active);
            long t6 = System.nanoTime();
            int reminders = publishRepurchaseDue(c, parameters);
            execute(c, "DROP TABLE eval_facts, eval_scores, eval_category_interval, eval_rfm, eval_changed", Map.of());
            LOG.debugf("Segment evaluation as of %s: facts %d ms, %d churn-score triples %d ms, RFM %d ms, "
                            + "stages/tags/scores, compare and write %d ms, %d browse sessions decided and %d abandoned published in %d ms, %d changes published in %d ms, "
                            + "%d repurchase reminders in %d ms",
                    asOf, (t1 - t0) / 1_000_000, triples, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                    abandoned.decided(), abandoned.published(), (t5 - t4) / 1_000_000, published, (t6 - t5) / 1_000_000, reminders, (System.nanoTime() - t6) / 1_000_000);
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

    /**
     * Every profile with its rolling windows counted back from {@code asOf} (orders from the windows' first instants,
     * {@link RollingWindows#last12MonthsStart}, up to {@code asOf}), the calendar dates (shop's zone) of its
     * instants ({@code *_on}: converted once here, so that every later day count is a subtraction of dates), and the
     * purchase models' t_x and T in days, and the last seen alive ({@code seen_days}: days from the first order to the
     * last sign of life, the last order or a later product view or cart add up to {@code asOf}; the profile keeps only
     * the last view and cart add, so an evaluation as of an earlier instant than those falls back to the last order).
     */
    private static String factsSql(StageThresholds t) {
        ZoneId zone = t.zone();
        return """
                CREATE UNLOGGED TABLE eval_facts AS
                SELECT q.*,
                       CASE WHEN q.order_count > 0 THEN q.last_order_on - q.first_order_on END AS tx_days,
                       CASE WHEN q.order_count > 0 AND %1$s - q.first_order_on >= 0
                            THEN GREATEST(%1$s - q.first_order_on, q.last_order_on - q.first_order_on) END AS t_days,
                       CASE WHEN q.order_count > 0
                            THEN GREATEST(q.last_order_on - q.first_order_on, COALESCE(q.seen_on - q.first_order_on, 0)) END AS seen_days,
                       CASE WHEN q.order_count > 0 AND q.repeat_intervals >= CAST(:minIntervals AS int)
                                 AND round(q.repeat_interval_median_days) >= 1
                            THEN CAST(round(q.repeat_interval_median_days) AS int) END AS own_interval_days
                FROM (SELECT p.customer_id, p.registered_at, p.first_order_at, p.last_order_at, p.order_count, p.net_spend,
                             p.avg_order_value, p.discounted_order_share, p.items, p.top_categories, p.top_category_items,
                             p.likes, p.comments, p.shares,
                             p.repeat_intervals, p.repeat_interval_median_days, p.repeat_spend,
                             %2$s AS registered_on, %3$s AS first_order_on, %4$s AS last_order_on,
                             CASE WHEN GREATEST(p.last_product_view_at, p.last_cart_add_at) <= %5$s THEN %6$s END AS seen_on,
                             COALESCE(w.spend_12m, 0) AS spend_12m, COALESCE(w.orders_90d, 0) AS orders_90d,
                             CASE WHEN fb.nps_at <= %5$s AND fb.nps_at > CAST(:npsSince AS timestamptz) THEN fb.nps_score END AS recent_nps,
                             COALESCE(fb.open_complaints, 0) AS open_complaints
                      FROM customer_profile p
                      LEFT JOIN customer_feedback fb ON fb.customer_id = p.customer_id
                      LEFT JOIN (SELECT customer_id, sum(net_spend) AS spend_12m,
                                        count(*) FILTER (WHERE occurred_at >= CAST(:from90d AS timestamptz)) AS orders_90d
                                 FROM profile_placed_order
                                 WHERE counted AND occurred_at <= %5$s AND occurred_at >= CAST(:from12m AS timestamptz)
                                 GROUP BY customer_id) w ON w.customer_id = p.customer_id) q"""
                .formatted(AS_OF_DAY, CalendarDays.sqlDate("p.registered_at", zone), CalendarDays.sqlDate("p.first_order_at", zone),
                        CalendarDays.sqlDate("p.last_order_at", zone), AS_OF,
                        CalendarDays.sqlDate("GREATEST(p.last_product_view_at, p.last_cart_add_at)", zone));
    }

    /**
     * The typical gap between order days per category, across the customers whose top category it is and who have
     * bought on two days at least: the median of their own median gaps. The basis of the expected next purchase of
     * customers with too few gaps of their own.
     */
    private static final String CATEGORY_INTERVALS = """
            CREATE UNLOGGED TABLE eval_category_interval AS
            SELECT category, days,
                   CASE WHEN round(CAST(days AS numeric)) >= 1 THEN CAST(round(CAST(days AS numeric)) AS int) END AS interval_days
            FROM (SELECT top_categories[1] AS category,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY repeat_interval_median_days) AS days
                  FROM eval_facts
                  WHERE repeat_intervals >= 1 AND cardinality(top_categories) > 0
                  GROUP BY top_categories[1]) typical""";

    /**
     * The RFM scores and segment of every purchasing customer of {@code eval_facts} ({@link RfmScorer#sql}), in a table
     * of their own: narrow, analysed, and hashed by the result's join (joined as a subquery, a sort of the million
     * customers' wide rows and a hash of all of eval_facts cost 8 of 12 s).
     */
    private static String rfmSql(StageThresholds t) {
        return "CREATE UNLOGGED TABLE eval_rfm AS\n"
                + new RfmScorer(t.zone()).sql("eval_facts", "(" + AS_OF_DAY + " - last_order_on)");
    }

    /** Each customer's evaluation as a query (stage, RFM, tags, churn scores, repurchase timing): see the class comment. */
    private static String resultSql(StageThresholds t, TagThresholds tags, Optional<ChurnScores.Active> active) {
        String expectedValue = active.map(a -> a.expectedValueSql("s.repeat_intervals", "s.repeat_spend")).orElse("CAST(NULL AS numeric)");
        return """
                SELECT s.customer_id, s.stage AS lifecycle_stage,
                       r.r_score, r.f_score, r.m_score,
                       CASE WHEN s.order_count > 0 THEN GREATEST(%s - s.last_order_on, 0) END AS recency_days,
                       CASE WHEN s.order_count > 0 THEN s.order_count END AS frequency,
                       CASE WHEN s.order_count > 0 THEN GREATEST(s.net_spend, 0) END AS monetary,
                       r.segment AS rfm_segment, s.tags, s.repeat_intervals, s.last_order_at, s.recent_nps, s.open_complaints,
                       sc.p_alive,
                       CASE WHEN sc.discounted_purchases IS NOT NULL
                            THEN round(CAST(%s * sc.discounted_purchases AS numeric), 4) END AS clv_12m,
                       CASE WHEN sc.p_alive IS NOT NULL THEN CAST(:churnModel AS varchar) END AS churn_model,
                       CASE WHEN sc.p_alive IS NOT NULL THEN CAST(:churnFitId AS bigint) END AS churn_fit_id,
                       %s
                FROM (SELECT f.*, %s AS stage, %s AS tags FROM eval_facts f) s
                LEFT JOIN eval_rfm r ON r.customer_id = s.customer_id
                LEFT JOIN eval_scores sc ON sc.x = s.repeat_intervals AND sc.tx_days = s.%s AND sc.t_days = s.t_days
                LEFT JOIN eval_category_interval ci ON ci.category = s.top_categories[1]"""
                .formatted(AS_OF_DAY, expectedValue, repurchaseSql(),
                        StageSql.stageCaseOnDates(t), TagSql.tagsArray(tags, "CAST(:populationMeanAov AS numeric)"),
                        active.map(ChurnScores.Active::recencyColumn).orElse("tx_days"));
    }

    /**
     * {@code RepurchaseTiming.expectedNext} in SQL, over a row of {@code eval_facts} ({@code s}) and its category's
     * typical interval ({@code ci}): the last order's date plus the customer's own median gap when they have
     * {@code :minIntervals} gaps, otherwise their top category's typical gap, rounded to whole days halves up; an
     * interval under one day is no basis. Columns {@code next_purchase_on}, {@code repurchase_basis} (loyalty-events'
     * {@code RepurchaseBasis}), {@code repurchase_interval_days}, {@code repurchase_category}.
     */
    static String repurchaseSql() {
        // both rounded to whole days once (eval_facts.own_interval_days, eval_category_interval.interval_days): the four
        // uses below cost integer comparisons, not numeric rounding (2.4 s of 8 over a million customers)
        String own = "s.own_interval_days";
        String category = "CASE WHEN s.order_count > 0 THEN ci.interval_days END";
        String lastOrderOn = "s.last_order_on";
        return """
                %3$s + COALESCE(%1$s, %2$s) AS next_purchase_on,
                       CASE WHEN (%1$s) IS NOT NULL THEN '%4$s' WHEN (%2$s) IS NOT NULL THEN '%5$s' END AS repurchase_basis,
                       COALESCE(%1$s, %2$s) AS repurchase_interval_days,
                       CASE WHEN (%1$s) IS NULL AND (%2$s) IS NOT NULL THEN s.top_categories[1] END AS repurchase_category"""
                .formatted(own, category, lastOrderOn, RepurchaseBasis.OWN_MEDIAN_INTERVAL.name(),
                        RepurchaseBasis.CATEGORY_TYPICAL_INTERVAL.name());
    }

    /**
     * The customers whose result differs from {@code customer_segment}, with their old values: the result query is joined
     * as it is computed, so the million rows of a run where little changes are never written.
     */
    private static String changedSql(String resultSql) {
        return """
                CREATE UNLOGGED TABLE eval_changed AS
                SELECT n.*, o.lifecycle_stage AS old_stage, o.rfm_segment AS old_segment, o.tags AS old_tags,
                       o.churn_flagged AS old_flagged, o.churn_rule AS old_rule,
                       CASE WHEN o.lifecycle_stage = n.lifecycle_stage THEN o.stage_since ELSE %s END AS stage_since
                FROM (SELECT e.*, (%s) IS NOT NULL AS churn_flagged, %s AS churn_rule FROM (%s) e) n
                LEFT JOIN customer_segment o ON o.customer_id = n.customer_id
                WHERE o.customer_id IS NULL
                   OR (n.lifecycle_stage, n.rfm_segment, n.r_score, n.f_score, n.m_score, n.tags, n.churn_flagged, n.churn_rule,
                       n.next_purchase_on)
                      IS DISTINCT FROM
                      (o.lifecycle_stage, o.rfm_segment, o.r_score, o.f_score, o.m_score, o.tags, o.churn_flagged, o.churn_rule,
                       o.next_purchase_on)"""
                .formatted(AS_OF, churnFlagSql(), churnFlagSql(), resultSql);
    }

    /**
     * A changed row is written whole: its churn scores and CLV are those of the evaluation that wrote it (the flag keeps
     * the figures it was raised with while nothing else changes); {@code repurchase_due_sent_for} is left alone.
     */
    private static final String UPSERT = """
            INSERT INTO customer_segment AS s (customer_id, as_of, lifecycle_stage, stage_since, r_score, f_score, m_score,
                recency_days, frequency, monetary, rfm_segment, tags, churn_flagged, churn_rule, probability_alive, clv_12m,
                churn_model, churn_fit_id, next_purchase_on, repurchase_basis, repurchase_interval_days, repurchase_category,
                updated_at)
            SELECT customer_id, CAST(:asOf AS timestamptz), lifecycle_stage, stage_since, r_score, f_score, m_score,
                   recency_days, frequency, monetary, rfm_segment, tags, churn_flagged, churn_rule, p_alive, clv_12m,
                   churn_model, churn_fit_id, next_purchase_on, repurchase_basis, repurchase_interval_days, repurchase_category,
                   now()
            FROM eval_changed
            ON CONFLICT (customer_id) DO UPDATE SET
                as_of = EXCLUDED.as_of, lifecycle_stage = EXCLUDED.lifecycle_stage, stage_since = EXCLUDED.stage_since,
                r_score = EXCLUDED.r_score, f_score = EXCLUDED.f_score, m_score = EXCLUDED.m_score,
                recency_days = EXCLUDED.recency_days, frequency = EXCLUDED.frequency, monetary = EXCLUDED.monetary,
                rfm_segment = EXCLUDED.rfm_segment, tags = EXCLUDED.tags, churn_flagged = EXCLUDED.churn_flagged,
                churn_rule = EXCLUDED.churn_rule, probability_alive = EXCLUDED.probability_alive, clv_12m = EXCLUDED.clv_12m,
                churn_model = EXCLUDED.churn_model, churn_fit_id = EXCLUDED.churn_fit_id,
                next_purchase_on = EXCLUDED.next_purchase_on, repurchase_basis = EXCLUDED.repurchase_basis,
                repurchase_interval_days = EXCLUDED.repurchase_interval_days, repurchase_category = EXCLUDED.repurchase_category,
                updated_at = EXCLUDED.updated_at""";

    /** The changes to publish; the stage's reason is rendered for the customers whose stage changed only. */
    private static String changesSql(StageThresholds t) {
        return """
                SELECT customer_id, old_stage, lifecycle_stage,
                       CASE WHEN old_stage IS DISTINCT FROM lifecycle_stage THEN %s END AS stage_reason,
                       old_segment, rfm_segment, recency_days, frequency, monetary, r_score, f_score, m_score, old_tags, tags,
                       churn_flagged AND (old_flagged IS NOT TRUE OR old_rule IS DISTINCT FROM churn_rule) AS newly_flagged,
                       churn_rule, p_alive, clv_12m, churn_model
                FROM (SELECT x.*, x.lifecycle_stage AS stage, f.registered_at, f.first_order_at, f.order_count,
                             f.spend_12m, f.avg_order_value, f.orders_90d
                      FROM eval_changed x JOIN eval_facts f ON f.customer_id = x.customer_id
                      WHERE x.old_stage IS DISTINCT FROM x.lifecycle_stage
                         OR (x.rfm_segment IS NOT NULL AND x.old_segment IS DISTINCT FROM x.rfm_segment)
                         OR COALESCE(x.old_tags, CAST('{}' AS text[])) <> x.tags
                         OR (x.churn_flagged AND (x.old_flagged IS NOT TRUE OR x.old_rule IS DISTINCT FROM x.churn_rule))) c"""
                .formatted(StageReasonSql.reasonCase(t));
    }

    /**
     * Reads the changes with a cursor and publishes them in chunks, a customer's events in the order stage, RFM, tags,
     * churn flag. {@code ChurnRiskFlagged} is published when the customer becomes flagged, or is flagged by another rule
     * than before; not again while the flag stays.
     */
    private int publishChanges(Connection c, Instant asOf, Map<String, ?> parameters, Optional<ChurnScores.Active> active)
            throws SQLException {
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
                    if (rs.getBoolean("newly_flagged")) {
                        events.add(EventEnvelope.of(customer, asOf, source, churnRiskFlagged(rs, asOf, active)));
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

    private ChurnRiskFlagged churnRiskFlagged(ResultSet rs, Instant asOf, Optional<ChurnScores.Active> active) throws SQLException {
        ChurnRule rule = ChurnRule.valueOf(rs.getString("churn_rule"));
        double alive = rs.getDouble("p_alive");
        Double probabilityAlive = rs.wasNull() ? null : alive;
        String model = rs.getString("churn_model");
        BigDecimal clv = rs.getBigDecimal("clv_12m");
        if (clv != null) {
            clv = clv.max(BigDecimal.ZERO).setScale(Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits()),
                    RoundingMode.HALF_EVEN);
        }
        Double threshold = switch (rule) {
            case PROBABILITY_ALIVE_BELOW_THRESHOLD -> active.map(ChurnScores.Active::threshold).orElse(null);
            case FEEDBACK -> modelSettings.feedbackChurnThreshold();
            case ENTERED_AT_RISK -> null;
        };
        return new ChurnRiskFlagged(probabilityAlive, rule, threshold, clv, clv == null ? null : currency,
                model == null || probabilityAlive == null ? null : ChurnModel.valueOf(model), asOf);
    }

    /**
     * {@code RepurchaseDue} of the customers whose reminder is due as of {@code asOf} ({@code RepurchaseTiming.due}: from
     * {@code leadDays} before the expected date to {@code lateDays} after it, the dates in the shop's zone) and was not
     * published for their last order yet: marked published (for that order) and published.
     */
    private int publishRepurchaseDue(Connection c, Map<String, ?> parameters) throws SQLException {
        String today = AS_OF_DAY;
        execute(c, """
                CREATE TEMP TABLE eval_due ON COMMIT DROP AS
                SELECT s.customer_id, s.next_purchase_on, s.repurchase_basis, s.repurchase_interval_days, s.repurchase_category,
                       e.last_order_at
                FROM customer_segment s JOIN customer_profile e ON e.customer_id = s.customer_id
                WHERE s.next_purchase_on BETWEEN %1$s - CAST(:lateDays AS int) AND %1$s + CAST(:leadDays AS int)
                  AND s.repurchase_due_sent_for IS DISTINCT FROM e.last_order_at""".formatted(today), parameters);
        int due = (int) execute(c, """
                UPDATE customer_segment s SET repurchase_due_sent_for = d.last_order_at
                FROM eval_due d WHERE d.customer_id = s.customer_id""", Map.of());
        if (due == 0) {
            return 0;
        }
        int chunk = Math.max(1, settings.publishChunk());
        List<EventEnvelope<?>> events = new ArrayList<>(chunk);
        Instant asOf = ((OffsetDateTime) parameters.get("asOf")).toInstant();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM eval_due")) {
            s.setFetchSize(Math.min(chunk, 10_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    LocalDate expectedOn = rs.getObject("next_purchase_on", LocalDate.class);
                    events.add(EventEnvelope.of(rs.getString("customer_id"), asOf, source, new RepurchaseDue(
                            expectedOn.atStartOfDay(zone).toInstant(), RepurchaseBasis.valueOf(rs.getString("repurchase_basis")),
                            rs.getInt("repurchase_interval_days"), rs.getString("repurchase_category"),
                            rs.getObject("last_order_at", OffsetDateTime.class).toInstant())));
                    if (events.size() >= chunk) {
                        outbox.publishAll(Topics.SEGMENT_EVENTS, events);
                        events = new ArrayList<>(chunk);
                    }
                }
            }
        }
        outbox.publishAll(Topics.SEGMENT_EVENTS, events);
        return due;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
