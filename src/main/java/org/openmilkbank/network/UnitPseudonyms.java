package org.openmilkbank.network;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A unit's pseudonym for the network: HMAC-SHA-256 of its lineage id under a key only the bank holds, so the hub can
 * link the events of one unit without learning its id or DIN, and nobody without the key can test a guessed DIN
 * against it. The key is derived from the bank's {@code openmilkbank.secret-key} (the same key that seals its other
 * secrets) under a label of its own, or, when none is configured, generated once into a file only the server's user
 * may read. A new key starts new pseudonyms: the hub then sees the units after the change as other units.
 */
final class UnitPseudonyms {

    static final String KEY_FILE = "openmilkbank-network-pseudonym.key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "openmilkbank.network.unit-pseudonym.v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    UnitPseudonyms(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a pseudonym key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Derived from the configured secret key (base64 of 32 bytes) when there is one, else the key file. */
    static UnitPseudonyms of(String configuredSecretKey, Path dataDir) {
        if (configuredSecretKey != null && !configuredSecretKey.isBlank()) {
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(configuredSecretKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("OPENMILKBANK_SECRET_KEY is not base64 (openssl rand -base64 32)");
            }
            if (secret.length != 32) {
                throw new IllegalStateException(
                        "OPENMILKBANK_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return new UnitPseudonyms(hmac(secret, LABEL));
        }
        return new UnitPseudonyms(keyFile(dataDir));
    }

    /** The unit's pseudonym: 64 hexadecimal digits. */
    String of(UUID unitId) {
        return HexFormat.of().formatHex(hmac(key.getEncoded(), ("unit:" + unitId).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Read, or generated once into a new file that is 600 from birth and moved into place in one step. */
    static byte[] keyFile(Path dataDir) {
        return org.openmilkbank.shared.KeyFiles.readOrCreate32(dataDir, KEY_FILE);
    }

    @Override
    public String toString() {
        return "UnitPseudonyms[hidden]";
    }
}
