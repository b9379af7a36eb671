package org.openretention.segmentation.model;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and real {@code z < 1}, as the Pareto/NBD
 * likelihood and the BG/NBD conditional expectation need it.
 *
 * <p>Neither Hipparchus nor Commons Math has it, so it is written here, after the scheme of Cephes {@code hyp2f1}:
 * <ul>
 *   <li>{@code 0 <= z <= 0.9}: the defining power series, stopped by a proven bound on the remaining tail (a rule
 *       that stops on a small term would stop too early when the terms grow before they shrink, as they do for
 *       large a and b). When {@code c - a - b < 0} and {@code c - a, c - b >= 0} the series is summed after Euler's
 *       transformation {@code (1 - z)^(c-a-b) 2F1(c - a, c - b; c; z)}, whose terms do not grow: for the
 *       Pareto/NBD's {@code 2F1(r+s+x, r+x; r+s+x+1; z)} of a customer with many purchases that is a handful of
 *       terms instead of thousands;</li>
 *   <li>{@code 0.9 < z < 1}: the linear transformation to {@code 1 - z} (Abramowitz and Stegun 15.3.6), whose
 *       series converge fast; when {@code c - a - b} is an integer the two terms of 15.3.6 have poles that cancel,
 *       so the limit forms with digamma functions (15.3.10 to 15.3.12) are used instead. With large a and b the
 *       terms of the transformation can be many orders of magnitude larger than their sum; that cancellation is
 *       measured, and past two lost digits the series above is summed instead when {@code z <= 0.9999} (at most
 *       a few hundred thousand terms);</li>
 *   <li>{@code z < 0}: the Pfaff transformation {@code (1 - z)^-a 2F1(a, c - b; c; z / (z - 1))}, which maps
 *       {@code z} into {@code [0, 1)}: {@code z = -1e6} becomes {@code 0.999999} and goes through the case above.</li>
 * </ul>
 * Everything is carried as the logarithm of the magnitude plus a sign, so values far beyond the range of a double
 * (the likelihood of a customer with hundreds of purchases needs {@code (1 - z)^-400} and more) stay finite.
 *
 * <p>Near {@code z = 1} the argument {@code 1 - z} decides the precision; callers that know it more precisely than
 * {@code 1 - z} can be computed (the models know it as a ratio of two times) pass it in as {@code oneMinusZ}.
 *
 * <p>Relative accuracy is close to {@code 1e-14} for positive a, b, c (near {@code 1e-13} where z is so close to 1
 * that a series of many thousand terms is needed). Beyond {@code z = 0.9999} it can degrade:
 * when {@code c - a - b} lies within {@code 1e-5} of an integer without being one (towards {@code 1e-8}), and for
 * a and b in the hundreds, where the transformation's terms cancel; below {@code z = 0.9999} both cases are summed
 * by the (slower) series instead. The models meet such arguments only far from any sensible fit.
 */
public final class Hypergeometric2F1 {

    /** Below this, the power series converges at least as fast as {@code 0.9^n} once its terms shrink. */
    private static final double SERIES_LIMIT = 0.9;
    /** Up to this, the series is still affordable (a few hundred thousand terms) when the transformation cancels. */
    private static final double SLOW_SERIES_LIMIT = 0.9999;
    /** Distance of {@code c - a - b} from an integer below which the two-term transformation loses digits. */
    private static final double CANCELLING = 1e-5;
    /** Distance of {@code c - a - b} from an integer below which it is treated as that integer. */
    private static final double INTEGER = 1e-8;
    /** Past this ratio of the transformation's largest term to its sum (two digits lost), the series is used. */
    private static final double TOLERATED_CANCELLATION = 100;
    private static final double EPSILON = 1e-16;
    /** Terms between recomputations of the series' tail bound once it is below 1 (it only gets tighter). */
    private static final int RATIO_BOUND_REFRESH = 16;
    private static final int MAX_TERMS = 10_000_000;
    /** Sums and terms are rescaled when they pass this, so long series with huge terms do not overflow. */
    private static final double RESCALE = 1e250;

    private Hypergeometric2F1() {
    }

    /** 2F1(a, b; c; z) for {@code z < 1}; {@code c} must not be zero or a negative integer. */
    public static double value(double a, double b, double c, double z) {
        return value(a, b, c, z, 1 - z);
    }

    /** As {@link #value(double, double, double, double)}, with {@code oneMinusZ = 1 - z} given to full precision. */
    public static double value(double a, double b, double c, double z, double oneMinusZ) {
        SignedLog result = evaluate(a, b, c, z, oneMinusZ);
        return result.sign() * Math.exp(result.log());
    }

    /** The natural logarithm of 2F1(a, b; c; z); the value must be positive, as it is for positive a, b, c. */
    public static double logValue(double a, double b, double c, double z) {
        return logValue(a, b, c, z, 1 - z);
    }

    /** As {@link #logValue(double, double, double, double)}, with {@code oneMinusZ = 1 - z} to full precision. */
    public static double logValue(double a, double b, double c, double z, double oneMinusZ) {
        SignedLog result = evaluate(a, b, c, z, oneMinusZ);
        if (result.sign() <= 0 || result.log() == Double.NEGATIVE_INFINITY) {
            throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") is not positive");
        }
        return result.log();
    }

    private static SignedLog evaluate(double a, double b, double c, double z, double oneMinusZ) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(z))) {
            throw new IllegalArgumentException("2F1 needs finite arguments: a=" + a + " b=" + b + " c=" + c
                    + " z=" + z);
        }
        if (!(z < 1) || !(oneMinusZ > 0)) {
            throw new IllegalArgumentException("2F1 diverges or is not real for z >= 1: z=" + z);
        }
        if (isNonPositiveInteger(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c = " + c + " (a pole of Gamma(c))");
        }
        if (z == 0 || a == 0 || b == 0) {
            return SignedLog.ONE;
        }
        if (z < 0) {
            return pfaff(a, b, c, z, oneMinusZ);
        }
        return positiveArgument(a, b, c, z, oneMinusZ);
    }

    /**
     * {@code 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; w)} with {@code w = z/(z-1)} and {@code 1 - w = 1/(1-z)}.
     * Of the two symmetric forms, the one whose new parameter {@code c - b} (or {@code c - a}) is not negative keeps
     * all series terms of one sign; a non-positive integer there is even better: the series ends (a polynomial).
     */
    private static SignedLog pfaff(double a, double b, double c, double z, double oneMinusZ) {
        double w = -z / oneMinusZ;
        double oneMinusW = 1 / oneMinusZ;
        double logOneMinusZ = Math.log(oneMinusZ);
        boolean keepA = c - b >= 0 || isNonPositiveInteger(c - b) || !(c - a >= 0 || isNonPositiveInteger(c - a));
        if (keepA) {
            return positiveArgument(a, c - b, c, w, oneMinusW).times(-a * logOneMinusZ);
        }
        return positiveArgument(c - a, b, c, w, oneMinusW).times(-b * logOneMinusZ);
    }

    private static SignedLog positiveArgument(double a, double b, double c, double z, double oneMinusZ) {
        if (z <= SERIES_LIMIT || isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
            return bestSeries(a, b, c, z, oneMinusZ);
        }
        double d = c - a - b;
        double nearestInteger = Math.rint(d);
        double offInteger = Math.abs(d - nearestInteger);
        if (offInteger >= INTEGER && offInteger < CANCELLING && z <= SLOW_SERIES_LIMIT) {
            return bestSeries(a, b, c, z, oneMinusZ);
        }
        Summed transformed = offInteger < INTEGER
                ? integerExcess(a, b, c, oneMinusZ, (int) nearestInteger)
                : twoTerm(a, b, c, oneMinusZ);
        if (transformed.cancellation() <= TOLERATED_CANCELLATION || z > SLOW_SERIES_LIMIT) {
            return transformed.value();
        }
        return bestSeries(a, b, c, z, oneMinusZ);
    }

    /**
     * The power series, after Euler's transformation when that keeps its terms from growing (see above); never for
     * a polynomial, whose own series ends.
     */
    private static SignedLog bestSeries(double a, double b, double c, double z, double oneMinusZ) {
        double d = c - a - b;
        boolean polynomial = isNonPositiveInteger(a) || isNonPositiveInteger(b);
        if (d < 0 && c - a >= 0 && c - b >= 0 && !polynomial) {
            return series(c - a, c - b, c, z).value().times(d * Math.log(oneMinusZ));
        }
        return series(a, b, c, z).value();
    }

    /**
     * The defining series {@code sum (a)_n (b)_n / ((c)_n n!) z^n}. The term ratio for index {@code k} is bounded,
     * for every {@code k >= k0} with {@code k0 + c > 0}, by
     * {@code rho = |z| (1 + (A max(1, k0/(k0+c)) + B/(k0+c)) / (k0+1))} with {@code A = max(0, |a|+|b|-c-1)} and
     * {@code B = max(0, |a||b|-c)}; when {@code rho < 1} the rest of the series is below {@code |term| rho/(1-rho)}.
     * The bound falls with {@code k0}, so once below 1 it stays valid and is only refreshed now and then.
     */
    private static Summed series(double a, double b, double c, double z) {
        double growthA = Math.max(0, Math.abs(a) + Math.abs(b) - c - 1);
        double growthB = Math.max(0, Math.abs(a) * Math.abs(b) - c);
        double scaleLog = 0;
        double term = 1;
        double sum = 1;
        double sumOfMagnitudes = 1;
        double rho = Double.POSITIVE_INFINITY;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            sumOfMagnitudes += Math.abs(term);
            if (term == 0) {
                return Summed.of(sum, sumOfMagnitudes, scaleLog);
            }
            if (sumOfMagnitudes > RESCALE) {
                scaleLog += Math.log(sumOfMagnitudes);
                sum /= sumOfMagnitudes;
                term /= sumOfMagnitudes;
                sumOfMagnitudes = 1;
            }
            double next = n + 1;
            if ((rho >= 1 || n % RATIO_BOUND_REFRESH == 0) && next + c > 0) {
                double excess = (growthA * Math.max(1, next / (next + c)) + growthB / (next + c)) / (next + 1);
                rho = Math.abs(z) * (1 + excess);
            }
            if (rho < 1 && Math.abs(term) * rho <= EPSILON * (1 - rho) * Math.abs(sum)) {
                return Summed.of(sum, sumOfMagnitudes, scaleLog);
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms");
    }

    /**
     * Abramowitz and Stegun 15.3.6, for {@code c - a - b = d} not an integer:
     * {@code Γ(c)Γ(d)/(Γ(c-a)Γ(c-b)) F(a,b;1-d;1-z) + (1-z)^d Γ(c)Γ(-d)/(Γ(a)Γ(b)) F(c-a,c-b;1+d;1-z)}.
     */
    private static Summed twoTerm(double a, double b, double c, double s) {
        double d = c - a - b;
        SignedLog gammaC = signedLogGamma(c);
        Summed firstSeries = series(a, b, 1 - d, s);
        Summed secondSeries = series(c - a, c - b, 1 + d, s);
        SignedLog first = gammaC.times(signedLogGamma(d))
                .divide(signedLogGamma(c - a)).divide(signedLogGamma(c - b))
                .times(firstSeries.value());
        SignedLog second = gammaC.times(signedLogGamma(-d))
                .divide(signedLogGamma(a)).divide(signedLogGamma(b))
                .times(secondSeries.value())
                .times(d * Math.log(s));
        SignedLog total = first.plus(second);
        double largest = Math.max(first.log() + Math.log(firstSeries.cancellation()),
                second.log() + Math.log(secondSeries.cancellation()));
        return new Summed(total, Math.exp(largest - total.log()));
    }

    /**
     * Abramowitz and Stegun 15.3.10 to 15.3.12, the limits of 15.3.6 when {@code c - a - b = m} is an integer,
     * written as one scheme with {@code e = |m|}, {@code d1 = max(m, 0)}, {@code d2 = min(m, 0)} (as in Cephes):
     * <pre>
     *   Y  = Γ(c)/(Γ(a+d2)Γ(b+d2)) (-1)^e sum_t (a+d1)_t (b+d1)_t s^t / (t! (e+t)!)
     *            [ψ(1+t) + ψ(1+t+e) - ψ(a+t+d1) - ψ(b+t+d1) - ln s]
     *   Y1 = Γ(e)Γ(c)/(Γ(a+d1)Γ(b+d1)) sum_{t<e} (a+d2)_t (b+d2)_t s^t / (t! (1-e)_t)
     *   F  = s^m Y + Y1 when m > 0,  Y + s^m Y1 when m < 0,  Y (without sign, Y1 = 0) when m = 0.
     * </pre>
     * Here {@code c} is taken as exactly {@code a + b + m}; the caller only comes here when it is within 1e-8 of it.
     */
    private static Summed integerExcess(double a, double b, double c, double s, int m) {
        int e = Math.abs(m);
        double d1 = Math.max(m, 0);
        double d2 = Math.min(m, 0);
        double logS = Math.log(s);

        double aShifted = a + d1;
        double bShifted = b + d1;
        double psiOne = SpecialFunctions.digamma(1);
        double psiOneE = SpecialFunctions.digamma(1 + e);
        double psiA = SpecialFunctions.digamma(aShifted);
        double psiB = SpecialFunctions.digamma(bShifted);
        double scaleLog = -signedLogGamma(e + 1.0).log();
        double weight = 1;
        double sum = psiOne + psiOneE - psiA - psiB - logS;
        double sumOfMagnitudes = Math.abs(sum);
        for (int t = 0; ; t++) {
            weight *= s * (aShifted + t) * (bShifted + t) / ((t + 1.0) * (t + 1.0 + e));
            psiOne += 1 / (t + 1.0);
            psiOneE += 1 / (t + 1.0 + e);
            psiA += 1 / (aShifted + t);
            psiB += 1 / (bShifted + t);
            double term = weight * (psiOne + psiOneE - psiA - psiB - logS);
            sum += term;
            sumOfMagnitudes += Math.abs(term);
            double magnitude = Math.max(sumOfMagnitudes, Math.abs(weight));
            if (magnitude > RESCALE) {
                scaleLog += Math.log(magnitude);
                sum /= magnitude;
                sumOfMagnitudes /= magnitude;
                weight /= magnitude;
            }
            boolean shrinking = s * (aShifted + t + 1) * (bShifted + t + 1) < 0.5 * (t + 2.0) * (t + 2.0 + e);
            if (shrinking && Math.abs(term) <= EPSILON * Math.abs(sum) || weight == 0) {
                break;
            }
            if (t > MAX_TERMS) {
                throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; 1 - " + s + ") did not converge");
            }
        }
        SignedLog gammaC = signedLogGamma(c);
        SignedLog infinite = SignedLog.of(sum, scaleLog).times(gammaC)
                .divide(signedLogGamma(a + d2)).divide(signedLogGamma(b + d2));
        double infiniteCancellation = sumOfMagnitudes / Math.abs(sum);
        if (m == 0) {
            return new Summed(infinite, infiniteCancellation);
        }
        if ((e & 1) == 1) {
            infinite = infinite.negate();
        }
        double finiteScaleLog = 0;
        double finiteWeight = 1;
        double finiteSum = 1;
        for (int t = 0; t < e - 1; t++) {
            finiteWeight *= s * (a + t + d2) * (b + t + d2) / ((1.0 - e + t) * (t + 1.0));
            finiteSum += finiteWeight;
            double magnitude = Math.max(Math.abs(finiteSum), Math.abs(finiteWeight));
            if (magnitude > RESCALE) {
                finiteScaleLog += Math.log(magnitude);
                finiteSum /= magnitude;
                finiteWeight /= magnitude;
            }
        }
        SignedLog finite = SignedLog.of(finiteSum, finiteScaleLog).times(signedLogGamma(e)).times(gammaC)
                .divide(signedLogGamma(a + d1)).divide(signedLogGamma(b + d1));
        if (m > 0) {
            infinite = infinite.times(m * logS);
        } else {
            finite = finite.times(m * logS);
        }
        SignedLog total = infinite.plus(finite);
        double largest = Math.max(infinite.log() + Math.log(infiniteCancellation), finite.log());
        return new Summed(total, Math.exp(largest - total.log()));
    }

    /** ln|Γ(x)| with the sign of Γ(x), by reflection for negative x; at the poles the log is +∞ (so 1/Γ = 0). */
    private static SignedLog signedLogGamma(double x) {
        if (x > 0) {
            return new SignedLog(SpecialFunctions.logGamma(x), 1);
        }
        if (isNonPositiveInteger(x)) {
            return new SignedLog(Double.POSITIVE_INFINITY, 1);
        }
        double sinPiX = sinPi(x);
        return new SignedLog(Math.log(Math.PI) - Math.log(Math.abs(sinPiX)) - SpecialFunctions.logGamma(1 - x),
                sinPiX < 0 ? -1 : 1);
    }

    /** sin(πx) without the loss of reducing a large {@code πx}: the integer part only flips the sign. */
    private static double sinPi(double x) {
        double nearest = Math.rint(x);
        double sine = Math.sin(Math.PI * (x - nearest));
        return Math.abs(nearest % 2) == 1 ? -sine : sine;
    }

    private static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    /**
     * A sum and how much its terms cancelled: the sum of their magnitudes over the magnitude of the sum (1 when
     * all terms have one sign); its logarithm to base ten is about the number of digits lost.
     */
    private record Summed(SignedLog value, double cancellation) {

        static Summed of(double sum, double sumOfMagnitudes, double scaleLog) {
            return new Summed(SignedLog.of(sum, scaleLog), sumOfMagnitudes / Math.abs(sum));
        }
    }

    /** A real number as {@code sign * exp(log)}; zero is {@code log = -∞}. */
    private record SignedLog(double log, int sign) {

        static final SignedLog ONE = new SignedLog(0, 1);

        /** The value {@code sum * exp(scaleLog)}. */
        static SignedLog of(double sum, double scaleLog) {
            if (sum == 0) {
                return new SignedLog(Double.NEGATIVE_INFINITY, 1);
            }
            return new SignedLog(Math.log(Math.abs(sum)) + scaleLog, sum < 0 ? -1 : 1);
        }

        SignedLog times(SignedLog other) {
            return new SignedLog(log + other.log, sign * other.sign);
        }

        SignedLog divide(SignedLog other) {
            return new SignedLog(log - other.log, sign * other.sign);
        }

        /** Multiplies by the positive number {@code exp(logFactor)}. */
        SignedLog times(double logFactor) {
            return new SignedLog(log + logFactor, sign);
        }

        SignedLog negate() {
            return new SignedLog(log, -sign);
        }

        SignedLog plus(SignedLog other) {
            if (other.log == Double.NEGATIVE_INFINITY) {
                return this;
            }
            if (log == Double.NEGATIVE_INFINITY) {
                return other;
            }
            double larger = Math.max(log, other.log);
            double sum = sign * Math.exp(log - larger) + other.sign * Math.exp(other.log - larger);
            return of(sum, larger);
        }
    }
}
