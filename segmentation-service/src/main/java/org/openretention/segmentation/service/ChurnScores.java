package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.segmentation.config.ModelSettings;
import org.openretention.segmentation.model.CustomerSummary;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.PurchaseModel;
import org.openretention.segmentation.store.FitRun;
import org.openretention.segmentation.store.FitRun.PurchaseModelName;
import org.openretention.segmentation.store.ModelFitRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The churn scores of the evaluation, by the active model fit: the probability alive and the discounted purchases of
 * the next 12 months (the CLV without its value per purchase) of every distinct (x, t_x, T) the population has, in the
 * work table {@code eval_scores (x, tx_days, t_days, p_alive, discounted_purchases)} (unlogged, dropped by the
 * evaluation before it commits, see {@link Evaluation}), which the evaluation joins
 * to each customer. For a model that uses signs of life (Pareto/NBD, {@link PurchaseModel#usesSignsOfLife}), the
 * scores depend on (x, last seen alive, T) and {@code tx_days} holds the last seen alive: the facts' {@code seen_days}
 * ({@link Active#recencyColumn}). The models need a few special functions per customer (Pareto/NBD a hypergeometric function); a
 * million customers share a few ten thousand triples, so the scores are computed once per triple in Java, in
 * parallel, and everything per customer stays in SQL. The value per purchase (Gamma-Gamma's expected average order
 * value, which depends on the customer's own repeat spend) is a closed form the evaluation computes in SQL
 * ({@link Active#expectedValueSql}).
 */
@ApplicationScoped
public class ChurnScores {

    private static final double DAYS_PER_WEEK = 7;
    private static final int CLV_MONTHS = 12;

    /**
     * The active fit the scores come from.
     *
     * @param spend Gamma-Gamma, empty when the run has none or its expected value per purchase is infinite (q <= 1)
     */
    public record Active(long fitId, PurchaseModelName model, PurchaseModel purchases, Optional<GammaGamma> spend,
                         double threshold) {

        /**
         * The column of the evaluation's facts that keys the scores with x and T: {@code seen_days} (days from the
         * first purchase to the last sign of life, a purchase, product view or cart add) for a model that uses signs
         * of life, otherwise {@code tx_days}.
         */
        public String recencyColumn() {
            return purchases.usesSignsOfLife() ? "seen_days" : "tx_days";
        }

        /**
         * Gamma-Gamma's expected value per purchase of a customer with {@code x} repeat transactions worth
         * {@code repeatSpend} in all: {@code p (gamma + repeatSpend) / (p x + q - 1)}, i.e.
         * {@link GammaGamma#expectedAverageValue} with the mean repeat value times x written out; NULL without a
         * value model.
         */
        String expectedValueSql(String x, String repeatSpend) {
            return spend.map(g -> "(%s * (%s + %s) / (%s * %s + %s - 1))".formatted(
                            literal(g.p()), literal(g.gamma()), repeatSpend, literal(g.p()), x, literal(g.q())))
                    .orElse("CAST(NULL AS numeric)");
        }

        private static String literal(double value) {
            return "CAST(" + Double.toString(value) + " AS double precision)";
        }
    }

    private final ModelFitRepository fits;
    private final CustomerScoring scoring;
    private final ModelSettings settings;

    @Inject
    public ChurnScores(ModelFitRepository fits, CustomerScoring scoring, ModelSettings settings) {
        this.fits = fits;
        this.scoring = scoring;
        this.settings = settings;
    }

    /** The active fit's purchase model (the one {@link CustomerScoring#purchaseModel} picks); empty without one. */
    public Optional<Active> active() {
        Optional<FitRun> run = fits.active();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        PurchaseModelName name = scoring.purchaseModel();
        Optional<? extends PurchaseModel> purchases = run.get().purchaseModel(name);
        Optional<GammaGamma> spend = run.get().gammaGamma().model().filter(g -> g.q() > 1);
        return purchases.map(model -> new Active(run.get().id(), name, model, spend, settings.churnThreshold()));
    }

    /**
     * Creates {@code eval_scores} from the triples of {@code facts} (columns {@code repeat_intervals}, {@code tx_days}
     * or {@code seen_days}, {@code t_days}); empty without an active fit.
     *
     * @return the distinct triples scored
     */
    public int createTable(Connection c, String facts, Optional<Active> active, double monthlyDiscountRate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                CREATE UNLOGGED TABLE eval_scores (x INT, tx_days INT, t_days INT, p_alive DOUBLE PRECISION,
                                               discounted_purchases DOUBLE PRECISION, PRIMARY KEY (x, tx_days, t_days))""")) {
            s.execute();
        }
        if (active.isEmpty()) {
            return 0;
        }
        int[][] triples = triples(c, facts, active.get().recencyColumn());
        boolean signsOfLife = active.get().purchases().usesSignsOfLife();
        int n = triples[0].length;
        double[] alive = new double[n];
        double[] discounted = new double[n];
        PurchaseModel model = active.get().purchases();
        IntStream.range(0, n).parallel().forEach(i -> {
            int x = triples[0][i];
            double recency = triples[1][i] / DAYS_PER_WEEK;
            double age = triples[2][i] / DAYS_PER_WEEK;
            // a model that uses signs of life is keyed by the last seen alive, and t_x matters to it through that only
            CustomerSummary customer = signsOfLife
                    ? new CustomerSummary("", x, x == 0 ? 0 : recency, age, 0, recency)
                    : new CustomerSummary("", x, x == 0 ? 0 : recency, age, 0);
            alive[i] = clamp(model.probabilityAlive(customer));
            discounted[i] = GammaGamma.discountedPurchases(model, customer, CLV_MONTHS, monthlyDiscountRate);
        });
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO eval_scores (x, tx_days, t_days, p_alive, discounted_purchases)
                SELECT * FROM unnest(?, ?, ?, ?, ?)""")) {
            s.setArray(1, c.createArrayOf("int4", box(triples[0])));
            s.setArray(2, c.createArrayOf("int4", box(triples[1])));
            s.setArray(3, c.createArrayOf("int4", box(triples[2])));
            s.setArray(4, c.createArrayOf("float8", box(alive)));
            s.setArray(5, c.createArrayOf("float8", box(discounted)));
            s.execute(); // the key tells the planner that a customer matches one row at most: it then hashes this table
        }
        try (PreparedStatement s = c.prepareStatement("ANALYZE eval_scores")) {
            s.execute();
        }
        return n;
    }

    private static int[][] triples(Connection c, String facts, String recencyColumn) throws SQLException {
        int[][] triples = new int[3][1024];
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT repeat_intervals, " + recencyColumn + ", t_days FROM " + facts + " WHERE t_days IS NOT NULL")) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (n == triples[0].length) {
                        for (int k = 0; k < 3; k++) {
                            triples[k] = Arrays.copyOf(triples[k], 2 * n);
                        }
                    }
                    triples[0][n] = rs.getInt(1);
                    triples[1][n] = rs.getInt(2);
                    triples[2][n] = rs.getInt(3);
                    n++;
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            triples[k] = Arrays.copyOf(triples[k], n);
        }
        return triples;
    }

    /** Rounding can leave a probability a hair outside [0, 1]; the events' schema allows exactly [0, 1]. */
    private static double clamp(double p) {
        return Double.isFinite(p) ? Math.max(0, Math.min(1, p)) : Double.NaN;
    }

    private static Integer[] box(int[] values) {
        return IntStream.of(values).boxed().toArray(Integer[]::new);
    }

    private static Double[] box(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = Double.isFinite(values[i]) ? values[i] : null; // a score the model could not give: no score
        }
        return boxed;
    }
}
