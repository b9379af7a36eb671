package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class Hypergeometric2F1Test {

    private static final double[] ARGUMENTS = {0.3, 0.5, 0.9, 0.95, 0.999, 0.9995, 0.999999, -0.5, -3, -1e6};

    @Test
    void withCEqualToBItIsAPowerOfOneMinusZ() {
        for (double a : new double[] {0.7, 2, 3.25}) {
            for (double z : ARGUMENTS) {
                assertRelative(Hypergeometric2F1.value(a, 2.3, 2.3, z), Math.pow(1 - z, -a), 1e-14);
            }
        }
    }

    @Test
    void twoF1OfOneOneTwoIsTheLogarithm() {
        for (double z : ARGUMENTS) {
            assertRelative(Hypergeometric2F1.value(1, 1, 2, z), -Math.log1p(-z) / z, 1e-14);
        }
    }

    @Test
    void integerExcessesOneAndTwoMatchTheirClosedForms() {
        for (double z : ARGUMENTS) {
            double log = Math.log1p(-z);
            double excessOne = 2 * ((1 - z) * log + z) / (z * z);
            assertRelative(Hypergeometric2F1.value(1, 1, 3, z), excessOne, 1e-14);
        }
        // 2F1(1,1;4;z) = sum 6 z^n/((n+1)(n+2)(n+3)) = 3 S1 - 6 S2 + 3 S3 with S_k = z^-k (-ln(1-z) - sum_{j<k} z^j/j)
        for (double z : new double[] {0.95, 0.999999}) {
            double minusLog = -Math.log1p(-z);
            double s1 = minusLog / z;
            double s2 = (minusLog - z) / (z * z);
            double s3 = (minusLog - z - z * z / 2) / (z * z * z);
            assertRelative(Hypergeometric2F1.value(1, 1, 4, z), 3 * s1 - 6 * s2 + 3 * s3, 1e-12);
        }
    }

    @Test
    void negativeArgumentsFarBeyondMinusOneGoThroughPfaff() {
        assertRelative(Hypergeometric2F1.value(1, 1, 2, -1e6), Math.log1p(1e6) / 1e6, 1e-14);
        assertRelative(Hypergeometric2F1.value(0.7, 2.3, 2.3, -1e6), Math.pow(1 + 1e6, -0.7), 1e-14);
        assertRelative(Hypergeometric2F1.value(2, 5.5, 5.5, -1e6), Math.pow(1 + 1e6, -2), 1e-14);
    }

    @Test
    void largeParametersStayFiniteInLogSpace() {
        for (double z : ARGUMENTS) {
            assertRelative(Hypergeometric2F1.logValue(150, 120, 120, z), -150 * Math.log1p(-z), 1e-14);
        }
        // 2F1(a, a+1/2; 2a; z) = (1-z)^-1/2 ((1 + sqrt(1-z))/2)^(1-2a): the 1-z transformation's terms cancel for
        // a = 200 at z = 0.95 (both near e^700), so this is summed as a series
        double a = 200;
        for (double z : ARGUMENTS) {
            double expected = -0.5 * Math.log1p(-z) + (1 - 2 * a) * Math.log((1 + Math.sqrt(1 - z)) / 2);
            assertRelative(Hypergeometric2F1.logValue(a, a + 0.5, 2 * a, z), expected, 1e-13);
        }
        assertThat(Hypergeometric2F1.logValue(150, 120, 120, 0.999999)).isGreaterThan(2000);
    }

    @Test
    void aPreciseComplementKeepsTheDigitsThatOneMinusZLoses() {
        double oneMinusZ = 1e-12;
        double z = 1 - oneMinusZ;
        assertRelative(Hypergeometric2F1.value(1, 1, 2, z, oneMinusZ), -Math.log(oneMinusZ) / z, 1e-14);
        assertRelative(Hypergeometric2F1.value(0.7, 2.3, 2.3, z, oneMinusZ), Math.pow(oneMinusZ, -0.7), 1e-14);
    }

    /**
     * Checked against the defining series summed with 40 significant digits (BigDecimal), of the exact double z:
     * series, Euler-transformed series, the 1 - z transformation with and without an integer c - a - b, and a
     * c - a - b within 1e-7 of an integer.
     */
    @Test
    void agreesWithAHighPrecisionSeries() {
        double[][] cases = {
                {0.5, 1.5, 2.5, 0.95},
                {3.2, 4.1, 1.5, 0.6},
                {0.243, 2.426, 2.219, 0.9},
                {25.5, 40.25, 30.125, 0.5},
                {120.3, 2.7, 121.3, 0.85},
                {120.3, 2.7, 121.3, 0.97},
                {300.6, 1.6, 301.6, 0.95},
                {0.4, 0.6, 3, 0.95},
                {1.3, 2.7, 4.0000001, 0.97},
                {1.5, 2.5, 2, 0.9995}};
        for (double[] c : cases) {
            assertRelative(Hypergeometric2F1.value(c[0], c[1], c[2], c[3]), bigDecimalSeries(c[0], c[1], c[2], c[3]),
                    1e-13);
        }
    }

    @Test
    void rejectsArgumentsOutsideItsDomain() {
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, -2, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(Double.NaN, 1, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        // 2F1(-1, 5; 1; 0.5) = 1 - 2.5: no logarithm
        assertThatThrownBy(() -> Hypergeometric2F1.logValue(-1, 5, 1, 0.5)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aPolynomialCaseEndsItsSeries() {
        // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
        double b = 1.5;
        double c = 2.5;
        for (double z : new double[] {0.3, 0.99, -7}) {
            assertThat(Hypergeometric2F1.value(-2, b, c, z))
                    .isCloseTo(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), within(1e-12));
        }
    }

    private static double bigDecimalSeries(double a, double b, double c, double z) {
        MathContext context = new MathContext(40);
        BigDecimal bigA = new BigDecimal(a);
        BigDecimal bigB = new BigDecimal(b);
        BigDecimal bigC = new BigDecimal(c);
        BigDecimal bigZ = new BigDecimal(z);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal tolerance = new BigDecimal("1e-25");
        for (int n = 0; n < 10_000_000; n++) {
            BigDecimal index = BigDecimal.valueOf(n);
            term = term.multiply(bigA.add(index)).multiply(bigB.add(index)).multiply(bigZ)
                    .divide(bigC.add(index).multiply(index.add(BigDecimal.ONE)), context);
            sum = sum.add(term, context);
            double ratio = (a + n + 1) * (b + n + 1) * z / ((c + n + 1) * (n + 2));
            if (ratio < 0.9999 && term.abs().compareTo(sum.abs().multiply(tolerance)) < 0) {
                return sum.doubleValue();
            }
        }
        throw new IllegalStateException("the reference series did not converge");
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * tolerance));
    }
}
