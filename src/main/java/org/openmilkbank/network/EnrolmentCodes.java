package org.openmilkbank.network;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time enrolment codes: sixteen characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown in four
 * groups ("K7QD-M3XP-9TRW-B4HN"); typed back with or without dashes, spaces or small letters. Only the SHA-256 of
 * the plain code is kept.
 */
final class EnrolmentCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrolmentCodes() {}

    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, without dashes and spaces, in capitals. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String hash(String typed) {
        return Batch.sha256Of(normalise(typed));
    }
}
