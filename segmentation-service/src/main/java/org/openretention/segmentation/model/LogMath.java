package org.openretention.segmentation.model;

/** Sums of numbers held as logarithms, without overflow or loss when one is far smaller than the other. */
final class LogMath {

    private LogMath() {
    }

    /** {@code ln(1 + e^u)}. */
    static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /** {@code e^u / (1 + e^u)}, the derivative of {@link #softplus(double)}. */
    static double logistic(double u) {
        double e = Math.exp(-Math.abs(u));
        return u >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** {@code ln(e^u + e^v)}. */
    static double addExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        return Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
    }

    /**
     * {@code ln(e^u - e^v)} for {@code u >= v}; {@code -∞} when {@code v >= u}, which for a difference known to be
     * non-negative only happens when rounding has eaten it.
     */
    static double subtractExp(double u, double v) {
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        if (v >= u) {
            return Double.NEGATIVE_INFINITY;
        }
        return u + Math.log(-Math.expm1(v - u));
    }
}
