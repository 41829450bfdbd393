package org.openmilkbank.network;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A public key's fingerprint for people: the SHA-256 of its X.509 bytes, the first 16 hexadecimal digits in capitals,
 * in groups of four ("3F2A 9C1B 77D0 E4A2"), short enough to read out over the phone when a bank enrols.
 */
public final class KeyFingerprints {

    private KeyFingerprints() {}

    /** The fingerprint of a public key in its text form (X.509, base64); refused when it is no Ed25519 key. */
    public static String of(String publicKeyText) {
        byte[] der = Base64.getDecoder().decode(BatchSignatures.encode(BatchSignatures.publicKey(publicKeyText)));
        try {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der))
                    .substring(0, 16)
                    .toUpperCase(Locale.ROOT);
            return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " "
                    + hex.substring(12, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
