package org.openretention.segmentation.model;

import org.hipparchus.special.Gamma;

/**
 * Log-gamma from Hipparchus, and a digamma of our own: Hipparchus' {@code Gamma.digamma} (the AS 103 algorithm)
 * is off by about 3e-9 everywhere below 50, which is coarser than the gradients of the likelihoods need (the
 * optimiser stops on a gradient of 1e-9) and than the integer-case formulas of the hypergeometric function need.
 */
final class SpecialFunctions {

    private SpecialFunctions() {
    }

    static double logGamma(double x) {
        return Gamma.logGamma(x);
    }

    /**
     * ψ(x), the derivative of ln Γ(x): the recurrence {@code ψ(x) = ψ(x + 1) - 1/x} up to {@code x >= 10}, then the
     * asymptotic series {@code ln x - 1/(2x) - sum B_2k / (2k x^2k)} to the {@code x^-14} term (the first one left
     * out is below 5e-17 at x = 10);
     * negative arguments by the reflection {@code ψ(x) = ψ(1 - x) - π cot(πx)}.
     */
    static double digamma(double x) {
        if (x <= 0 && x == Math.rint(x)) {
            return Double.NaN;
        }
        double result = 0;
        if (x < 0) {
            result = -Math.PI / Math.tan(Math.PI * (x - Math.rint(x)));
            x = 1 - x;
        }
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv = 1 / (x * x);
        double series = inv * (1.0 / 12 - inv * (1.0 / 120 - inv * (1.0 / 252 - inv * (1.0 / 240
                - inv * (1.0 / 132 - inv * (691.0 / 32760 - inv / 12))))));
        return result + Math.log(x) - 0.5 / x - series;
    }
}
