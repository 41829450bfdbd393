package org.openmilkbank.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One numbered batch of what a bank shares: its facility code, its number (from 1, one after another), when it was
 * written to the outbox, the payload as the exact JSON text sent and the SHA-256 of that text.
 */
public record Batch(String facilityCode, long sequence, Instant createdAt, String payload, String sha256) {

    public static Batch of(String facilityCode, long sequence, Instant createdAt, String payload) {
        return new Batch(facilityCode, sequence, createdAt, payload, sha256Of(payload));
    }

    /** Whether the digest is the payload's own. */
    public boolean digestMatches() {
        return payload != null && sha256Of(payload).equals(sha256);
    }

    /**
     * The bytes signed: a version line, then the facility code, number, moment and digest each on its own line, so
     * no field can be shifted into another.
     */
    public byte[] canonicalBytes() {
        return ("openmilkbank-batch-v1\n" + facilityCode + "\n" + sequence + "\n" + createdAt + "\n" + sha256)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String sha256Of(String text) {
        return sha256Of(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
