package org.openretention.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * What really happened to each customer of the population during the history: the latent parameters the
 * generator drew and the latent dropout, which no event tells directly. Kept as primitive arrays (about 40 bytes per
 * customer) so that a million customers fit easily; written as CSV when the history is done.
 */
public final class GroundTruth {

    static final String HEADER = "customerId,registeredAt,purchaseRate,dropoutProbability,priceSensitive,currency,orders,droppedOut,droppedOutAt,referredBy";
    private static final long NONE = Long.MIN_VALUE;

    private final int size;
    private final long[] registeredAt;
    private final double[] purchaseRate;
    private final double[] dropoutProbability;
    private final byte[] flags; // bit 0: price sensitive, bits 1-2: currency ordinal, bit 7: registered
    private final int[] orders;
    private final long[] droppedOutAt;
    private final int[] referredBy;

    public GroundTruth(int size) {
        this.size = size;
        registeredAt = new long[size];
        purchaseRate = new double[size];
        dropoutProbability = new double[size];
        flags = new byte[size];
        orders = new int[size];
        droppedOutAt = new long[size];
        referredBy = new int[size];
        Arrays.fill(droppedOutAt, NONE);
        Arrays.fill(referredBy, -1);
    }

    public int size() {
        return size;
    }

    void registered(int index, long at, double lambda, double p, boolean priceSensitive, Catalogue.Currency currency, int referrer) {
        registeredAt[index] = at;
        purchaseRate[index] = lambda;
        dropoutProbability[index] = p;
        flags[index] = (byte) (0x80 | (priceSensitive ? 1 : 0) | (currency.ordinal() << 1));
        referredBy[index] = referrer;
    }

    void ordered(int index) {
        orders[index]++;
    }

    void droppedOut(int index, long at) {
        droppedOutAt[index] = at;
    }

    public boolean isRegistered(int index) {
        return (flags[index] & 0x80) != 0;
    }

    public Instant registeredAt(int index) {
        return Instant.ofEpochMilli(registeredAt[index]);
    }

    public double purchaseRate(int index) {
        return purchaseRate[index];
    }

    public double dropoutProbability(int index) {
        return dropoutProbability[index];
    }

    public boolean priceSensitive(int index) {
        return (flags[index] & 1) != 0;
    }

    public Catalogue.Currency currency(int index) {
        return Catalogue.Currency.values()[(flags[index] >> 1) & 3];
    }

    public int orders(int index) {
        return orders[index];
    }

    public boolean droppedOut(int index) {
        return droppedOutAt[index] != NONE;
    }

    /** Null when the customer had not dropped out by the end of the history. */
    public Instant droppedOutAt(int index) {
        return droppedOut(index) ? Instant.ofEpochMilli(droppedOutAt[index]) : null;
    }

    /** Index of the referring customer, or -1. */
    public int referredBy(int index) {
        return referredBy[index];
    }

    public void writeCsv(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(out);
        }
    }

    public void writeCsv(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < size; i++) {
            if (!isRegistered(i)) {
                continue;
            }
            line.setLength(0);
            line.append(CustomerIds.customerId(i)).append(',')
                    .append(registeredAt(i)).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", purchaseRate[i])).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", dropoutProbability[i])).append(',')
                    .append(priceSensitive(i)).append(',')
                    .append(currency(i)).append(',')
                    .append(orders[i]).append(',')
                    .append(droppedOut(i)).append(',')
                    .append(droppedOut(i) ? droppedOutAt(i).toString() : "").append(',')
                    .append(referredBy[i] >= 0 ? CustomerIds.customerId(referredBy[i]) : "")
                    .append('\n');
            out.write(line.toString());
        }
        out.flush();
    }
}
