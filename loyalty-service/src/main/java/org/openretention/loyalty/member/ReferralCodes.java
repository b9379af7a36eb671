package org.openretention.loyalty.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Referral codes for members whose shop did not issue one: short, stable, unambiguous characters. */
public final class ReferralCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private ReferralCodes() {
    }

    public static String of(String customerId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder("R");
            for (int i = 0; i < 9; i++) {
                code.append(ALPHABET[(hash[i] & 0xff) % ALPHABET.length]);
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
