package org.openretention.simulator;

import org.apache.commons.math3.random.BitsStreamGenerator;

/**
 * A small seeded random generator for commons-math3 distributions: xoroshiro128++ (two longs of state) seeded
 * through SplitMix64 from the simulation seed, a stream number and an index. One instance per customer lives as
 * long as the customer is simulated, so it has to be small: a {@code Well19937c} carries about 2.5 KB of state,
 * which for a million customers would be 2.5 GB; this one is a few dozen bytes. The sequence of a customer
 * depends only on (seed, index), never on the order in which customers are simulated.
 */
public final class CustomerRandom extends BitsStreamGenerator {

    private static final long serialVersionUID = 1L;

    private long s0;
    private long s1;

    public CustomerRandom(long seed, long stream, long index) {
        reseed(mix(seed, stream, index));
    }

    public CustomerRandom(long seed) {
        reseed(seed);
    }

    /** A well-mixed 64-bit value of (seed, stream, index), usable as a seed or as a stateless random draw. */
    public static long mix(long seed, long stream, long index) {
        long z = splitMix(seed ^ 0x6A09E667F3BCC909L);
        z = splitMix(z ^ (stream * 0xBB67AE8584CAA73BL));
        return splitMix(z ^ (index * 0x9E3779B97F4A7C15L));
    }

    /** A uniform double in [0, 1) that is a pure function of (seed, stream, index). */
    public static double uniform(long seed, long stream, long index) {
        return (mix(seed, stream, index) >>> 11) * 0x1.0p-53;
    }

    static long splitMix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void reseed(long seed) {
        s0 = splitMix(seed);
        s1 = splitMix(s0 ^ 0x3C6EF372FE94F82BL);
        if (s0 == 0 && s1 == 0) {
            s1 = 1;
        }
        clear();
    }

    @Override
    public void setSeed(int seed) {
        reseed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long s = 0;
        for (int v : seed) {
            s = splitMix(s ^ v);
        }
        reseed(s);
    }

    @Override
    public void setSeed(long seed) {
        reseed(seed);
    }

    @Override
    public long nextLong() {
        long a = s0;
        long b = s1;
        long result = Long.rotateLeft(a + b, 17) + a;
        b ^= a;
        s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
        s1 = Long.rotateLeft(b, 28);
        return result;
    }

    @Override
    protected int next(int bits) {
        return (int) (nextLong() >>> (64 - bits));
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Uniform in [lo, hi). */
    public double between(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Exponentially distributed with the given mean. */
    public double exponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** Poisson-distributed count with a small mean (Knuth's method; fine for means below ~30). */
    public int poisson(double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = nextDouble();
        while (p > l) {
            k++;
            p *= nextDouble();
        }
        return k;
    }

    public <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
