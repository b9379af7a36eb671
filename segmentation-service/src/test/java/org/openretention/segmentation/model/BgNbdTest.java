package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdTest {

    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void theLikelihoodOfTinyCasesIsWhatTheFormulaGivesByHand() {
        BgNbd unit = new BgNbd(1, 1, 1, 1);
        // x = 0: (α/(α+T))^r = 1/2
        assertThat(unit.logLikelihood(0, 0, 1)).isCloseTo(Math.log(0.5), within(1e-15));
        // x = 1, t_x = 1, T = 2: B(1,2)/B(1,1) Γ(2)/(Γ(1) 3^2) + B(2,1)/B(1,1) Γ(2)/(Γ(1) 2^2) = 1/18 + 1/8 = 13/72
        assertThat(unit.logLikelihood(1, 1, 2)).isCloseTo(Math.log(13.0 / 72), within(1e-15));
    }

    @Test
    void aCustomerWithoutRepeatsIsAliveForSure() {
        assertThat(CDNOW.probabilityAlive(customer(0, 0, 30))).isEqualTo(1.0);
        assertThat(CDNOW.probabilityAlive(customer(0, 0, 2))).isEqualTo(1.0);
    }

    @Test
    void theMoreRecentTheLastPurchaseTheLikelierTheCustomerIsAlive() {
        double previous = 0;
        for (int recencyDays = 7; recencyDays <= 273; recencyDays += 7) {
            double alive = CDNOW.probabilityAlive(customer(3, recencyDays / 7.0, 39));
            assertThat(alive).isGreaterThan(previous).isLessThanOrEqualTo(1);
            previous = alive;
        }
        // even right after a purchase the customer may have dropped out with it: 1 / (1 + a/(b+x-1))
        assertThat(CDNOW.probabilityAlive(customer(3, 39, 39))).isCloseTo(1 / (1 + 0.793 / (2.426 + 2)), within(1e-15));
    }

    /** References computed with mpmath (30 digits, its own hyp2f1) from the paper's equation (10). */
    @Test
    void conditionalExpectationsMatchAnIndependentHighPrecisionEvaluation() {
        assertThat(CDNOW.probabilityAlive(customer(2, 30.428571428571427, 38.857142857142854)))
                .isCloseTo(0.72658972183549484888, within(1e-14));
        assertThat(CDNOW.expectedPurchases(customer(2, 30.428571428571427, 38.857142857142854), 39))
                .isCloseTo(1.226115806149321809, within(1e-13));
        assertThat(CDNOW.expectedPurchases(customer(0, 0, 38.857142857142854), 90 / 7.0))
                .isCloseTo(0.069193238265443644794, within(1e-14));
        assertThat(CDNOW.expectedPurchases(customer(7, 35, 38.857142857142854), 39))
                .isCloseTo(4.3880521030235921097, within(1e-13));
    }

    @Test
    void expectedPurchasesGrowWithTheHorizonAndAreSmoothAcrossAEqualToOne() {
        CustomerSummary customer = customer(4, 20, 35);
        assertThat(CDNOW.expectedPurchases(customer, 0)).isZero();
        assertThat(CDNOW.expectedPurchases(customer, 30 / 7.0))
                .isPositive().isLessThan(CDNOW.expectedPurchases(customer, 90 / 7.0));

        double atOne = new BgNbd(0.243, 4.414, 1, 2.426).expectedPurchases(customer, 39);
        double below = new BgNbd(0.243, 4.414, 1 - 1e-4, 2.426).expectedPurchases(customer, 39);
        double above = new BgNbd(0.243, 4.414, 1 + 1e-4, 2.426).expectedPurchases(customer, 39);
        assertThat(atOne).isBetween(Math.min(below, above), Math.max(below, above));
        assertThat(atOne).isCloseTo((below + above) / 2, within(1e-6));
    }

    @Test
    void theAnalyticGradientMatchesCentralDifferences() {
        CompressedSample sample = CompressedSample.of(CompressedSampleTest.randomCustomers(500, 3));
        BgNbdLikelihood likelihood = new BgNbdLikelihood(sample);
        double[] point = {Math.log(0.4), Math.log(6), Math.log(0.7), Math.log(3)};
        double[] gradient = new double[4];
        likelihood.valueAndGradient(point, gradient);
        for (int i = 0; i < 4; i++) {
            assertThat(gradient[i]).isCloseTo(centralDifference(likelihood, point, i), within(1e-8));
        }
    }

    @Test
    void fittingRecoversTheParametersOfSimulatedCustomers() {
        BgNbd truth = new BgNbd(0.5, 6, 0.8, 2.5);
        List<CustomerSummary> customers = Simulation.bgNbdCustomers(truth, 20_000, 11);

        ModelFit<BgNbd> fit = BgNbd.fit(CompressedSample.of(customers));

        assertThat(fit.activatable()).isTrue();
        assertThat(fit.customers()).isEqualTo(20_000);
        assertThat(fit.model().r()).isCloseTo(truth.r(), within(0.1 * truth.r()));
        assertThat(fit.model().alpha()).isCloseTo(truth.alpha(), within(0.15 * truth.alpha()));
        assertThat(fit.model().a()).isCloseTo(truth.a(), within(0.2 * truth.a()));
        assertThat(fit.model().b()).isCloseTo(truth.b(), within(0.25 * truth.b()));
        assertThat(fit.model().parameters()).containsOnlyKeys("r", "alpha", "a", "b");
    }

    static double centralDifference(Objective objective, double[] point, int coordinate) {
        double step = 1e-6;
        double[] shifted = point.clone();
        double[] ignored = new double[point.length];
        shifted[coordinate] = point[coordinate] + step;
        double above = objective.valueAndGradient(shifted, ignored);
        shifted[coordinate] = point[coordinate] - step;
        double below = objective.valueAndGradient(shifted, ignored);
        return (above - below) / (2 * step);
    }

    static CustomerSummary customer(int x, double recency, double age) {
        return new CustomerSummary("c", x, recency, age, x == 0 ? 0 : 20);
    }
}
