package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

    private static final GammaGamma CDNOW = new GammaGamma(6.25, 3.74, 15.44);
    private static final BgNbd PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void theDensityOfAMeanValueIntegratesToOne() {
        for (int x : new int[] {1, 3, 12}) {
            double integral = 0;
            double width = 0.001;
            for (double logM = -15; logM < 12; logM += width) {
                integral += Math.exp(CDNOW.logLikelihood(x, Math.exp(logM)) + logM) * width;
            }
            assertThat(integral).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void theExpectedValueWeighsThePopulationMeanAgainstTheCustomersOwn() {
        double populationMean = 6.25 * 15.44 / (3.74 - 1);
        assertThat(CDNOW.expectedAverageValue(BgNbdTest.customer(0, 0, 30))).isCloseTo(populationMean, within(1e-12));

        CustomerSummary frequent = new CustomerSummary("c", 50, 30, 31, 100);
        CustomerSummary occasional = new CustomerSummary("c", 1, 30, 31, 100);
        assertThat(CDNOW.expectedAverageValue(occasional)).isBetween(populationMean, 100.0);
        assertThat(CDNOW.expectedAverageValue(frequent))
                .isBetween(CDNOW.expectedAverageValue(occasional), 100.0)
                .isCloseTo(6.25 * (15.44 + 50 * 100) / (6.25 * 50 + 3.74 - 1), within(1e-12));
    }

    @Test
    void clvSumsTheMonthsExpectedPurchasesAtTheExpectedValueDiscounted() {
        CustomerSummary customer = new CustomerSummary("c", 4, 30, 38, 25);
        double value = CDNOW.expectedAverageValue(customer);
        double yearInWeeks = 12 * GammaGamma.WEEKS_PER_MONTH;

        assertThat(CDNOW.clv(PURCHASES, customer, 0))
                .isCloseTo(value * PURCHASES.expectedPurchases(customer, yearInWeeks), within(1e-12));

        double expected = 0;
        for (int month = 1; month <= 12; month++) {
            double inMonth = PURCHASES.expectedPurchases(customer, month * GammaGamma.WEEKS_PER_MONTH)
                    - PURCHASES.expectedPurchases(customer, (month - 1) * GammaGamma.WEEKS_PER_MONTH);
            expected += inMonth * value / Math.pow(1.01, month);
        }
        assertThat(CDNOW.clv(PURCHASES, customer, 0.01)).isCloseTo(expected, within(1e-12))
                .isLessThan(CDNOW.clv(PURCHASES, customer, 0));
        assertThat(CDNOW.clv(PURCHASES, customer, 24, 0.01)).isGreaterThan(CDNOW.clv(PURCHASES, customer, 0.01));
    }

    @Test
    void theFitIsIndifferentToTheCurrencysScale() {
        List<CustomerSummary> customers = Simulation.bgNbdCustomers(new BgNbd(0.5, 6, 0.8, 2.5), 5_000, 5);
        List<CustomerSummary> inCents = new ArrayList<>();
        for (CustomerSummary c : customers) {
            inCents.add(new CustomerSummary(c.customerId(), c.repeatTransactions(), c.recency(), c.age(),
                    c.meanRepeatValue() * 100));
        }

        ModelFit<GammaGamma> fit = GammaGamma.fit(customers);
        ModelFit<GammaGamma> centsFit = GammaGamma.fit(inCents);

        assertThat(fit.activatable()).isTrue();
        assertThat(centsFit.model().p()).isCloseTo(fit.model().p(), within(1e-6 * fit.model().p()));
        assertThat(centsFit.model().q()).isCloseTo(fit.model().q(), within(1e-6 * fit.model().q()));
        assertThat(centsFit.model().gamma()).isCloseTo(100 * fit.model().gamma(), within(1e-4 * fit.model().gamma()));
        assertThat(centsFit.logLikelihood())
                .isCloseTo(fit.logLikelihood() - fit.customers() * Math.log(100), within(1e-6));
    }

    @Test
    void fittingRecoversTheParametersOfSimulatedSpend() {
        List<CustomerSummary> customers = Simulation.bgNbdCustomers(new BgNbd(0.5, 6, 0.8, 2.5), 40_000, 9);

        ModelFit<GammaGamma> fit = GammaGamma.fit(customers);

        long withRepeats = customers.stream().filter(c -> c.repeatTransactions() > 0).count();
        assertThat(fit.customers()).isEqualTo(withRepeats);
        assertThat(fit.model().p()).isCloseTo(6, within(0.6));
        assertThat(fit.model().q()).isCloseTo(4, within(0.6));
        assertThat(fit.model().gamma()).isCloseTo(15, within(3.0));
    }

    @Test
    void theAnalyticGradientMatchesCentralDifferences() {
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(CompressedSampleTest.randomCustomers(800, 5));
        double[] point = {Math.log(3), Math.log(2.5), Math.log(0.8)};
        double[] gradient = new double[3];
        likelihood.valueAndGradient(point, gradient);
        for (int i = 0; i < 3; i++) {
            assertThat(gradient[i]).isCloseTo(BgNbdTest.centralDifference(likelihood, point, i), within(1e-8));
        }
    }

    @Test
    void withoutAFiniteMeanSpendThereIsNoExpectedValue() {
        assertThatThrownBy(() -> new GammaGamma(2, 0.9, 10).expectedAverageValue(BgNbdTest.customer(0, 0, 10)))
                .isInstanceOf(IllegalStateException.class);
    }
}
