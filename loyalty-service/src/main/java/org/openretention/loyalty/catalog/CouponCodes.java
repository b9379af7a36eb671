package org.openretention.loyalty.catalog;

import java.security.SecureRandom;

/** Coupon codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), from a secure random source. */
public final class CouponCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
