package org.openretention.segmentation.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The customers of a fit with identical (x, t_x, T) merged into one row weighted by their number: the purchase
 * models' likelihoods depend on nothing else, and recency and age are whole days, so a million customers make
 * about a hundred thousand rows (105,000 for a million simulated customers of a CDNOW-like quarter's cohort).
 *
 * <p>Besides the rows it keeps what the likelihoods compute once per evaluation instead of once per row: the
 * distinct times (recencies and ages: {@code ln(α + t)} per time), the distinct repeat-transaction counts (the
 * gamma functions of {@code r + x}) and the distinct (x, time) pairs (the Pareto/NBD's hypergeometric terms).
 * Rows are ordered by x, so each count's rows are one run.
 */
public final class CompressedSample {

    private final int[] repeatTransactions;
    private final double[] recency;
    private final double[] age;
    private final double[] weight;
    private final double customers;
    private final long repeatTransactionsTotal;

    private final double[] times;
    private final int[] recencyTime;
    private final int[] ageTime;

    private final int[] frequencies;
    private final int[] frequencyStart;
    private final double[] frequencyWeight;

    private final int[] pairFrequency;
    private final double[] pairTime;
    private final int[] recencyPair;
    private final int[] agePair;

    private CompressedSample(RowCounter counter) {
        int n = counter.size;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> counter.repeatTransactions[i])
                .thenComparingDouble(i -> counter.age[i]).thenComparingDouble(i -> counter.recency[i]));
        repeatTransactions = new int[n];
        recency = new double[n];
        age = new double[n];
        weight = new double[n];
        double totalWeight = 0;
        double totalRepeats = 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            repeatTransactions[i] = counter.repeatTransactions[row];
            recency[i] = counter.recency[row];
            age[i] = counter.age[row];
            weight[i] = counter.weight[row];
            totalWeight += weight[i];
            totalRepeats += weight[i] * repeatTransactions[i];
        }
        customers = totalWeight;
        repeatTransactionsTotal = Math.round(totalRepeats);

        times = Arrays.stream(concat(recency, age)).distinct().sorted().toArray();
        recencyTime = new int[n];
        ageTime = new int[n];
        for (int i = 0; i < n; i++) {
            recencyTime[i] = Arrays.binarySearch(times, recency[i]);
            ageTime[i] = Arrays.binarySearch(times, age[i]);
        }

        frequencies = Arrays.stream(repeatTransactions).distinct().toArray();
        frequencyStart = new int[frequencies.length + 1];
        frequencyWeight = new double[frequencies.length];
        for (int f = 0, i = 0; f < frequencies.length; f++) {
            frequencyStart[f] = i;
            while (i < n && repeatTransactions[i] == frequencies[f]) {
                frequencyWeight[f] += weight[i];
                i++;
            }
            frequencyStart[f + 1] = i;
        }

        Map<Pair, Integer> pairs = new HashMap<>();
        recencyPair = new int[n];
        agePair = new int[n];
        for (int i = 0; i < n; i++) {
            recencyPair[i] = pairs.computeIfAbsent(new Pair(repeatTransactions[i], recency[i]), p -> pairs.size());
            agePair[i] = pairs.computeIfAbsent(new Pair(repeatTransactions[i], age[i]), p -> pairs.size());
        }
        pairFrequency = new int[pairs.size()];
        pairTime = new double[pairs.size()];
        pairs.forEach((pair, index) -> {
            pairFrequency[index] = pair.repeatTransactions();
            pairTime[index] = pair.time();
        });
    }

    /** The customers' summaries compressed; the customer ids and spend play no part. */
    public static CompressedSample of(Collection<CustomerSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit");
        }
        RowCounter counter = new RowCounter();
        for (CustomerSummary customer : customers) {
            counter.add(customer.repeatTransactions(), customer.recency(), customer.age());
        }
        return new CompressedSample(counter);
    }

    public int rows() {
        return weight.length;
    }

    /** The number of customers, the sum of the rows' weights. */
    public double customers() {
        return customers;
    }

    /** The repeat transactions of all customers together. */
    public long repeatTransactionsTotal() {
        return repeatTransactionsTotal;
    }

    public int repeatTransactions(int row) {
        return repeatTransactions[row];
    }

    public double recency(int row) {
        return recency[row];
    }

    public double age(int row) {
        return age[row];
    }

    public double weight(int row) {
        return weight[row];
    }

    /** The distinct values among all recencies and ages. */
    double[] times() {
        return times;
    }

    /** Index into {@link #times()} of the row's recency. */
    int recencyTime(int row) {
        return recencyTime[row];
    }

    /** Index into {@link #times()} of the row's age. */
    int ageTime(int row) {
        return ageTime[row];
    }

    /** The distinct repeat-transaction counts, in increasing order. */
    int[] frequencies() {
        return frequencies;
    }

    /** The rows with {@code frequencies()[f]} repeats start here and end before {@code frequencyStart(f + 1)}. */
    int frequencyStart(int f) {
        return frequencyStart[f];
    }

    /** The customers with {@code frequencies()[f]} repeat transactions. */
    double frequencyWeight(int f) {
        return frequencyWeight[f];
    }

    int pairs() {
        return pairFrequency.length;
    }

    int pairFrequency(int pair) {
        return pairFrequency[pair];
    }

    double pairTime(int pair) {
        return pairTime[pair];
    }

    /** Index of the row's (x, t_x) pair. */
    int recencyPair(int row) {
        return recencyPair[row];
    }

    /** Index of the row's (x, T) pair. */
    int agePair(int row) {
        return agePair[row];
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /**
     * Counts the customers per distinct (x, t_x, T) in an open-addressing table of primitive arrays: a
     * {@code HashMap} keyed by a record took 0.3 to 1.2 s for a million customers, as long as the whole fit.
     */
    private static final class RowCounter {

        private int[] slots = new int[1 << 10];
        private int[] repeatTransactions = new int[1 << 9];
        private double[] recency = new double[1 << 9];
        private double[] age = new double[1 << 9];
        private double[] weight = new double[1 << 9];
        private int size;

        void add(int x, double customerRecency, double customerAge) {
            // + 0.0 turns -0.0 into 0.0, which the bit patterns below would tell apart
            double t = customerRecency + 0.0;
            double ageT = customerAge + 0.0;
            int mask = slots.length - 1;
            for (int slot = hash(x, t, ageT) & mask; ; slot = (slot + 1) & mask) {
                int row = slots[slot] - 1;
                if (row < 0) {
                    insert(slot, x, t, ageT);
                    return;
                }
                if (repeatTransactions[row] == x && recency[row] == t && age[row] == ageT) {
                    weight[row]++;
                    return;
                }
            }
        }

        private void insert(int slot, int x, double t, double ageT) {
            if (size == weight.length) {
                int capacity = 2 * size;
                repeatTransactions = Arrays.copyOf(repeatTransactions, capacity);
                recency = Arrays.copyOf(recency, capacity);
                age = Arrays.copyOf(age, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            repeatTransactions[size] = x;
            recency[size] = t;
            age[size] = ageT;
            weight[size] = 1;
            size++;
            slots[slot] = size;
            if (2 * size > slots.length) {
                rehash();
            }
        }

        /** Keeps the table at most half full, so probe sequences stay short. */
        private void rehash() {
            slots = new int[2 * slots.length];
            int mask = slots.length - 1;
            for (int row = 0; row < size; row++) {
                int slot = hash(repeatTransactions[row], recency[row], age[row]) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = row + 1;
            }
        }

        /** The three fields mixed, then spread by the MurmurHash3 finaliser so nearby times land far apart. */
        private static int hash(int x, double t, double ageT) {
            long h = x * 0x9E3779B97F4A7C15L;
            h = (h ^ Double.doubleToLongBits(t)) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ Double.doubleToLongBits(ageT)) * 0x165667B19E3779F9L;
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            return (int) h;
        }
    }

    private record Pair(int repeatTransactions, double time) {
    }
}
