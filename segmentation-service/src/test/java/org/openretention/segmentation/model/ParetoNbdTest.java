package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openretention.segmentation.model.BgNbdTest.customer;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class ParetoNbdTest {

    private static final ParetoNbd CDNOW = new ParetoNbd(0.553, 10.578, 0.606, 11.669);

    /**
     * The likelihood without any 2F1: {@code L = Γ(r+x)α^r β^s/Γ(r) [(α+T)^-(r+x) (β+T)^-s
     * + s ∫ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ over [t_x, T]]} (dying at τ between the last purchase and T), the
     * integral by Simpson's rule. Covers α > β, α < β, many purchases, and α ≫ β where 2F1's argument nears 1.
     */
    @Test
    void theLikelihoodAgreesWithItsIntegralForm() {
        double[][] cases = {
                // r, alpha, s, beta, x, t_x, T
                {0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86},
                {0.553, 10.578, 0.606, 11.669, 0, 0, 38.86},
                {0.553, 14.2, 0.606, 3.1, 5, 12.5, 38.86},
                {0.8, 3.0, 1.0, 9.0, 60, 37.0, 38.86},
                {0.8, 9.0, 1.7, 3.0, 300, 36.0, 38.86},
                {2.5, 4000, 0.4, 0.5, 3, 1.0, 38.86},
                {0.5, 0.7, 2.5, 2000, 12, 1.0, 38.86}};
        for (double[] c : cases) {
            ParetoNbd model = new ParetoNbd(c[0], c[1], c[2], c[3]);
            assertThat(model.logLikelihood((int) c[4], c[5], c[6]))
                    .as("%s", model)
                    .isCloseTo(integralLogLikelihood(model, (int) c[4], c[5], c[6]), within(1e-9));
        }
    }

    @Test
    void bothFormsOfA0AgreeWhereAlphaEqualsBeta() {
        double below = new ParetoNbd(0.6, 10 - 1e-9, 0.7, 10).logLikelihood(3, 20, 38);
        double above = new ParetoNbd(0.6, 10 + 1e-9, 0.7, 10).logLikelihood(3, 20, 38);
        assertThat(below).isCloseTo(above, within(1e-8));
    }

    @Test
    void aCustomerWhoJustBoughtIsAliveForSureAndRecencyRaisesTheOdds() {
        assertThat(CDNOW.probabilityAlive(customer(3, 39, 39))).isEqualTo(1.0);
        double previous = 0;
        for (int recencyDays = 7; recencyDays <= 273; recencyDays += 7) {
            double alive = CDNOW.probabilityAlive(customer(3, recencyDays / 7.0, 39));
            assertThat(alive).isGreaterThan(previous);
            previous = alive;
        }
    }

    /**
     * A sign of life after the last purchase (a product view at t_s) is the evidence that the lifetime lasted past t_s.
     * The probability alive given it, straight from the model's definition: with weights the Gamma densities of λ and μ,
     * {@code E[λ^x e^-(λ+μ)T] / E[λ^x e^-(λ+μ)T + λ^x μ/(λ+μ) (e^-(λ+μ)t_s - e^-(λ+μ)T)]}, the expectations by a
     * two-dimensional quadrature over log λ and log μ; no 2F1, no closed form.
     */
    @Test
    void aSignOfLifeAfterTheLastPurchaseIsTheLifetimeLastingPastIt() {
        double[][] cases = {
                // r, alpha, s, beta, x, t_x, t_s, T
                {0.553, 10.578, 0.606, 11.669, 2, 10.0, 30.0, 38.86},
                {0.553, 10.578, 0.606, 11.669, 0, 0, 20.0, 38.86},
                {1.03, 13.3, 0.92, 36.6, 4, 20.0, 50.0, 90.0},
                {0.8, 3.0, 1.7, 9.0, 1, 5.0, 5.0, 60.0}};
        for (double[] c : cases) {
            ParetoNbd model = new ParetoNbd(c[0], c[1], c[2], c[3]);
            int x = (int) c[4];
            CustomerSummary seen = new CustomerSummary("c", x, c[5], c[7], 0, c[6]);
            assertThat(model.probabilityAlive(seen)).as("%s, %s", model, seen)
                    .isCloseTo(aliveByQuadrature(model, x, c[6], c[7]), within(2e-4));
        }
        // seen today: alive; seen later: likelier alive, whatever the purchases
        assertThat(CDNOW.probabilityAlive(new CustomerSummary("c", 0, 0, 39, 0, 39))).isEqualTo(1.0);
        assertThat(CDNOW.probabilityAlive(customer(2, 10, 39).seenAliveAt(25)))
                .isGreaterThan(CDNOW.probabilityAlive(customer(2, 10, 39)));
        assertThat(customer(2, 10, 39).seenAliveAt(5).lastSeenAlive()).as("not before the last purchase").isEqualTo(10);
        assertThat(customer(2, 10, 39).seenAliveAt(50).lastSeenAlive()).as("not after T").isEqualTo(39);
    }

    private static double aliveByQuadrature(ParetoNbd m, int x, double seen, double age) {
        int n = 3000;
        double lo = Math.log(1e-7);
        double hi = Math.log(60);
        double step = (hi - lo) / n;
        double[] rate = new double[n];
        double[] weightLambda = new double[n];
        double[] weightMu = new double[n];
        for (int i = 0; i < n; i++) {
            double v = Math.exp(lo + (i + 0.5) * step);
            rate[i] = v;
            // Gamma density times dv = v d(log v)
            weightLambda[i] = Math.exp(m.r() * Math.log(m.alpha()) + m.r() * Math.log(v) - m.alpha() * v - Gamma.logGamma(m.r())) * step;
            weightMu[i] = Math.exp(m.s() * Math.log(m.beta()) + m.s() * Math.log(v) - m.beta() * v - Gamma.logGamma(m.s())) * step;
        }
        double survived = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double lambda = rate[i];
            double purchases = weightLambda[i] * Math.pow(lambda, x);
            for (int j = 0; j < n; j++) {
                double mu = rate[j];
                double w = purchases * weightMu[j];
                double alive = Math.exp(-(lambda + mu) * age);
                double diedAfterSeen = mu / (lambda + mu) * (Math.exp(-(lambda + mu) * seen) - alive);
                survived += w * alive;
                total += w * (alive + diedAfterSeen);
            }
        }
        return survived / total;
    }

    /** References computed with mpmath (30 digits, its own quadrature) from the note's equations (22), (25), (27). */
    @Test
    void matchesAnIndependentHighPrecisionEvaluation() {
        CustomerSummary two = customer(2, 30.428571428571427, 38.857142857142854);
        assertThat(CDNOW.logLikelihood(two)).isCloseTo(-9.5541228241490295849, within(1e-12));
        assertThat(CDNOW.probabilityAlive(two)).isCloseTo(0.86918615465116180149, within(1e-13));
        assertThat(CDNOW.expectedPurchases(two, 39)).isCloseTo(1.4552261309493459159, within(1e-13));
        CustomerSummary none = customer(0, 0, 38.857142857142854);
        assertThat(CDNOW.logLikelihood(none)).isCloseTo(-0.52103685641015662957, within(1e-13));
        assertThat(CDNOW.probabilityAlive(none)).isCloseTo(0.29530337426579554346, within(1e-13));
        assertThat(CDNOW.expectedPurchases(none, 39)).isCloseTo(0.10709283382064309335, within(1e-13));
        assertThat(CDNOW.expectedPurchases(customer(7, 35, 38.857142857142854), 39))
                .isCloseTo(4.6368907213162421603, within(1e-12));
    }

    @Test
    void expectedPurchasesAreContinuousAtSEqualToOne() {
        CustomerSummary customer = customer(2, 20, 38);
        double atOne = new ParetoNbd(0.55, 10.6, 1, 11.7).expectedPurchases(customer, 39);
        double near = new ParetoNbd(0.55, 10.6, 1 + 1e-9, 11.7).expectedPurchases(customer, 39);
        assertThat(atOne).isPositive().isCloseTo(near, within(1e-8));
    }

    /** In logs relative to the integrand at t_x (its largest value): with x = 300 the integrand is below 1e-300. */
    private static double integralLogLikelihood(ParetoNbd m, int x, double recency, double age) {
        int intervals = 200_000;
        double width = (age - recency) / intervals;
        double logPeak = logIntegrand(m, x, recency);
        double integral = 0;
        for (int i = 0; i <= intervals; i++) {
            double weight = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
            integral += weight * Math.exp(logIntegrand(m, x, recency + i * width) - logPeak);
        }
        double logDroppedOut = Math.log(m.s() * integral * width / 3) + logPeak;
        double logSurvived = -(m.r() + x) * Math.log(m.alpha() + age) - m.s() * Math.log(m.beta() + age);
        double larger = Math.max(logSurvived, logDroppedOut);
        return Gamma.logGamma(m.r() + x) - Gamma.logGamma(m.r()) + m.r() * Math.log(m.alpha())
                + m.s() * Math.log(m.beta())
                + larger + Math.log(Math.exp(logSurvived - larger) + Math.exp(logDroppedOut - larger));
    }

    private static double logIntegrand(ParetoNbd m, int x, double tau) {
        return -(m.r() + x) * Math.log(m.alpha() + tau) - (m.s() + 1) * Math.log(m.beta() + tau);
    }
}
