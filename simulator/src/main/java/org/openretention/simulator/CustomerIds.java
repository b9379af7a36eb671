package org.openretention.simulator;

import java.util.Locale;

/** Ids the simulated shop hands out: customer ids in registration order, referral codes, order and refund ids. */
public final class CustomerIds {

    private static final long CODE_SPACE = 78_364_164_096L; // 36^7
    private static final long CODE_MULTIPLIER = 25_214_903_917L; // coprime to 36: the mapping is a bijection
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private CustomerIds() {
    }

    /** {@code c-000001} for index 0: deterministic, zero-padded to six digits (seven from a million on). */
    public static String customerId(long index) {
        return String.format(Locale.ROOT, "c-%06d", index + 1);
    }

    /** Index of a customer id made by {@link #customerId}. */
    public static int indexOf(String customerId) {
        return Integer.parseInt(customerId.substring(2)) - 1;
    }

    /** The customer's own share code: seven characters, unique per (seed, index). */
    public static String referralCode(long seed, long index) {
        long offset = Math.floorMod(CustomerRandom.splitMix(seed), CODE_SPACE);
        long v = Math.floorMod(Math.floorMod(index, CODE_SPACE) * CODE_MULTIPLIER % CODE_SPACE + offset, CODE_SPACE);
        char[] code = new char[7];
        for (int i = 6; i >= 0; i--) {
            code[i] = ALPHABET[(int) (v % 36)];
            v /= 36;
        }
        return new String(code);
    }

    public static String orderId(long index, int orderNumber) {
        return String.format(Locale.ROOT, "o-%06d-%04d", index + 1, orderNumber);
    }

    public static String refundId(String orderId, int refundNumber) {
        return "r" + orderId.substring(1) + "-" + refundNumber;
    }
}
