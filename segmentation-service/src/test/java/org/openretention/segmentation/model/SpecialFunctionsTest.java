package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    /** References from mpmath (30 digits); Hipparchus' digamma misses each of the positive ones by about 3e-9. */
    @Test
    void digammaIsAccurateToTheLastDigitsAcrossItsRange() {
        double[][] references = {
                {1e-8, -100000000.57721564845},
                {0.243, -4.351093864423210616},
                {0.5, -1.9635100260214234794},
                {1, -0.57721566490153286061},
                {2.4, 0.65290116970059813998},
                {9.99, 2.2507003728312010995},
                {10, 2.2517525890667211076},
                {49.5, 3.8918376507263717826},
                {1234.5, 7.1180162318279978433},
                {-0.5, 0.036489973978576520559},
                {-2.75, -1.9590552649779970098}};
        for (double[] reference : references) {
            assertThat(SpecialFunctions.digamma(reference[0])).as("digamma(%s)", reference[0])
                    .isCloseTo(reference[1], within(2e-15 * Math.max(1, Math.abs(reference[1]))));
        }
        assertThat(SpecialFunctions.digamma(1.4616321449683623)).isCloseTo(0, within(1e-15));
        assertThat(SpecialFunctions.digamma(-3)).isNaN();
    }
}
