package org.openmilkbank.reporting.dhis2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a secret (the DHIS2 password) encrypted at rest with AES-256-GCM: a fresh 12-byte nonce per secret, the
 * tag checked on reading, so a changed ciphertext or another key cannot be read back. The stored text is
 * {@code v1:} and the nonce and ciphertext in base64. The key is the bank's {@code OPENMILKBANK_SECRET_KEY}
 * (32 bytes in base64) or a key generated once into a file that only the server's user may read.
 */
public final class SecretBox {

    static final String KEY_FILE = "openmilkbank-secret.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    /** Binds the ciphertext to what it is for, so it cannot be moved to another use. */
    private final byte[] purpose;

    SecretBox(byte[] key, String purpose) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
    }

    /** The configured key (base64 of 32 bytes) when there is one, else the key file in {@code dataDir}. */
    static SecretBox of(String configuredKey, Path dataDir, String purpose) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configuredKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("OPENMILKBANK_SECRET_KEY is not base64 (openssl rand -base64 32)");
            }
            if (key.length != 32) {
                throw new IllegalStateException(
                        "OPENMILKBANK_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return new SecretBox(key, purpose);
        }
        return new SecretBox(keyFile(dataDir), purpose);
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret; refused ({@code reporting.dhis2.password.unreadable}) when another key sealed it. */
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new org.openmilkbank.shared.RuleViolation("reporting.dhis2.password.unreadable");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(in, NONCE_BYTES)));
            cipher.updateAAD(purpose);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new org.openmilkbank.shared.RuleViolation("reporting.dhis2.password.unreadable");
        } catch (GeneralSecurityException e) {
            throw new org.openmilkbank.shared.RuleViolation("reporting.dhis2.password.unreadable");
        }
    }

    /** Read, or generated once into a new file that is 600 from birth and moved into place in one step. */
    static byte[] keyFile(Path dataDir) {
        return org.openmilkbank.shared.KeyFiles.readOrCreate32(dataDir, KEY_FILE);
    }

    @Override
    public String toString() {
        return "SecretBox[hidden]";
    }
}
