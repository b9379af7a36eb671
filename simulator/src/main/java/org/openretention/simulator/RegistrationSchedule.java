package org.openretention.simulator;

/**
 * When customer number {@code index} (0-based) registers. Customer ids are handed out in registration order, as a
 * shop does: the first {@code initialShare} of the population registers in the first hour of the period (they are
 * there from the start), the others over the rest of it with a density that grows linearly by the factor
 * {@code 1 + growth} (a growing shop), stratified so that the times are increasing in the index. Customers beyond the
 * population (live mode) keep registering after the period at the final rate. Every time is a pure function of
 * (seed, index): no state, no sorting, no memory per customer.
 */
public final class RegistrationSchedule {

    private static final long REGISTRATION_STREAM = 0x5265_6769_7374L;

    private final long seed;
    private final int population;
    private final int initial;
    private final long start;
    private final long end;
    private final long initialSpan;
    private final double growth;
    /** Registrations per millisecond after the period (live mode). */
    private final double liveRatePerMs;
    /** Cumulative customer-days of registered customers, on a grid over the period, for progress estimates. */
    private final double[] customerDays;

    public RegistrationSchedule(SimulationConfig config) {
        this.seed = config.seed();
        this.population = config.customers();
        this.start = config.startMillis();
        this.end = config.nowMillis();
        this.growth = config.model().registrationGrowth();
        double share = config.model().initialShare();
        int n0 = (int) Math.round(population * share);
        if (end - start < Diurnal.DAY_MS) {
            n0 = population; // no period to spread newcomers over: everybody is there from the start
        }
        this.initial = Math.max(1, Math.min(n0, population));
        this.initialSpan = Math.min(Diurnal.HOUR_MS, (end - start) / 10);
        int newcomers = population - initial;
        // newcomers per day at the end of the period; with no newcomers in the period, a trickle of 0.1% a day
        double perDay = newcomers > 0
                ? newcomers / ((end - start - initialSpan) / (double) Diurnal.DAY_MS) * (1 + growth) / (1 + growth / 2)
                : population * 0.001;
        this.liveRatePerMs = perDay / Diurnal.DAY_MS;
        this.customerDays = new double[257];
        double registered = 0;
        for (int k = 1; k < customerDays.length; k++) {
            double t = start + (end - start) * (k / 256.0);
            double n = registeredBy((long) t);
            customerDays[k] = customerDays[k - 1] + (registered + n) / 2 * ((end - start) / 256.0);
            registered = n;
        }
    }

    public int population() {
        return population;
    }

    public int initialCustomers() {
        return initial;
    }

    /** Registration time (epoch ms) of customer {@code index}; indexes beyond the population register after the period. */
    public long timeOf(long index) {
        double jitter = CustomerRandom.uniform(seed, REGISTRATION_STREAM, index);
        if (index < initial) {
            return start + (long) Math.floor(initialSpan * ((index + jitter) / initial));
        }
        if (index < population) {
            int newcomers = population - initial;
            double u = (index - initial + jitter) / newcomers;
            double x = inverseGrowthCdf(u);
            return start + initialSpan + (long) Math.floor((end - start - initialSpan) * x);
        }
        return end + (long) Math.floor((index - population + jitter) / liveRatePerMs);
    }

    /** x in [0,1) with F(x) = u for the density f(x) = (1 + g x) / (1 + g / 2). */
    private double inverseGrowthCdf(double u) {
        if (growth < 1e-9) {
            return u;
        }
        // (x + g x^2 / 2) / (1 + g / 2) = u  =>  g/2 x^2 + x - u (1 + g/2) = 0
        double c = u * (1 + growth / 2);
        double x = (-1 + Math.sqrt(1 + 2 * growth * c)) / growth;
        return Math.min(Math.max(x, 0), Math.nextDown(1.0));
    }

    private double growthCdf(double x) {
        return (x + growth * x * x / 2) / (1 + growth / 2);
    }

    /** Approximate number of customers registered by {@code t} (within the period). */
    double registeredBy(long t) {
        if (t < start) {
            return 0;
        }
        double n = initial * Math.min(1.0, (t - start) / (double) Math.max(1, initialSpan));
        if (t > start + initialSpan && population > initial) {
            double x = (t - start - initialSpan) / (double) (end - start - initialSpan);
            n += (population - initial) * growthCdf(Math.min(1.0, x));
        }
        return n;
    }

    /**
     * Share of the history's expected work done when simulated time reaches {@code t}: customer-days elapsed over
     * customer-days in the whole period (the number of events is roughly proportional to it).
     */
    public double workFraction(long t) {
        if (end <= start) {
            return 1.0;
        }
        double pos = (t - start) / (double) (end - start) * 256.0;
        if (pos <= 0) {
            return 0;
        }
        if (pos >= 256) {
            return 1.0;
        }
        int k = (int) pos;
        double v = customerDays[k] + (customerDays[k + 1] - customerDays[k]) * (pos - k);
        return customerDays[256] <= 0 ? 1.0 : v / customerDays[256];
    }
}
