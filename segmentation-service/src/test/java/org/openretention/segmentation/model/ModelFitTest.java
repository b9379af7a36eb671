package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelFitTest {

    /** Every customer bought in the last week of the calibration: no sign of dropout, so nothing bounds it. */
    private static final CompressedSample NOBODY_DROPS_OUT = CompressedSample.of(loyalCustomers());

    @Test
    void aFitThatRunsIntoABoundIsRefusedWithTheParameterNamed() {
        ModelFit<BgNbd> bgNbd = BgNbd.fit(NOBODY_DROPS_OUT);
        ModelFit<ParetoNbd> paretoNbd = ParetoNbd.fit(NOBODY_DROPS_OUT);

        assertThat(bgNbd.atBound()).isTrue();
        assertThat(bgNbd.activatable()).isFalse();
        assertThat(bgNbd.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("b = ", "bound"));
        assertThat(paretoNbd.atBound()).isTrue();
        assertThat(paretoNbd.activatable()).isFalse();
        assertThat(paretoNbd.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("beta = ", "bound"));
    }

    @Test
    void aFitCutShortIsRefusedAsNotConverged() {
        ModelFit<BgNbd> bgNbd = BgNbd.fit(NOBODY_DROPS_OUT, 2);
        ModelFit<ParetoNbd> paretoNbd = ParetoNbd.fit(NOBODY_DROPS_OUT, 3);
        ModelFit<GammaGamma> gammaGamma = GammaGamma.fit(CompressedSampleTest.randomCustomers(300, 1), 1);

        for (ModelFit<?> fit : List.of(bgNbd, paretoNbd, gammaGamma)) {
            assertThat(fit.converged()).isFalse();
            assertThat(fit.activatable()).isFalse();
            assertThat(fit.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("did not converge"));
            assertThat(fit.logLikelihood()).isFinite();
        }
    }

    @Test
    void aGoodFitCarriesEverythingThatIsStored() {
        ModelFit<BgNbd> fit = BgNbd.fit(CompressedSample.of(Simulation.bgNbdCustomers(new BgNbd(0.5, 6, 0.8, 2.5),
                3_000, 2)));

        assertThat(fit.converged()).isTrue();
        assertThat(fit.atBound()).isFalse();
        assertThat(fit.reason()).isEmpty();
        assertThat(fit.activatable()).isTrue();
        assertThat(fit.customers()).isEqualTo(3_000);
        assertThat(fit.iterations()).isPositive();
        assertThat(fit.durationNanos()).isPositive();
        assertThat(fit.parameters()).containsKeys("r", "alpha", "a", "b");
        assertThat(fit.logLikelihood()).isNegative();
    }

    @Test
    void aRefusedFitMustSayWhy() {
        BgNbd model = new BgNbd(1, 1, 1, 1);
        assertThatThrownBy(() -> new ModelFit<>(model, -1, 10, false, false, Optional.empty(), 3, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelFit<>(model, -1, 10, true, true, Optional.empty(), 3, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<CustomerSummary> loyalCustomers() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int x = 1 + i % 9;
            double age = 20 + i % 13;
            customers.add(new CustomerSummary("c" + i, x, age, age, 10));
        }
        return customers;
    }
}
