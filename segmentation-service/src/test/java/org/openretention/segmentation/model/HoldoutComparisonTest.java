package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldoutComparisonTest {

    @Test
    void comparesEachCustomersExpectationWithWhatHappened() {
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        CustomerSummary quiet = new CustomerSummary("quiet", 0, 0, 38, 0);
        CustomerSummary loyal = new CustomerSummary("loyal", 6, 37, 38, 20);
        double quietExpected = model.expectedPurchases(quiet, 39);
        double loyalExpected = model.expectedPurchases(loyal, 39);

        HoldoutComparison comparison = HoldoutComparison.of(model, List.of(quiet, loyal), Map.of("loyal", 5), 39);

        assertThat(comparison.customers()).isEqualTo(2);
        assertThat(comparison.actual()).isEqualTo(5);
        assertThat(comparison.predicted()).isCloseTo(quietExpected + loyalExpected, within(1e-12));
        assertThat(comparison.meanAbsoluteError())
                .isCloseTo((quietExpected + Math.abs(loyalExpected - 5)) / 2, within(1e-12));
        assertThat(comparison.rootMeanSquaredError()).isCloseTo(
                Math.sqrt((quietExpected * quietExpected + (loyalExpected - 5) * (loyalExpected - 5)) / 2),
                within(1e-12));
    }

    @Test
    void theModelWithTheLowerMeanAbsoluteErrorIsTheBetterOne() {
        HoldoutComparison close = new HoldoutComparison(100, 110, 50, 0.5, 0.9);
        HoldoutComparison far = new HoldoutComparison(100, 110, 50, 0.6, 0.8);
        HoldoutComparison tie = new HoldoutComparison(100, 110, 50, 0.5, 0.7);

        assertThat(close.isBetterThan(far)).isTrue();
        assertThat(far.isBetterThan(close)).isFalse();
        assertThat(tie.isBetterThan(close)).isTrue();
    }
}
