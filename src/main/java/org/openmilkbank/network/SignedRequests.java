package org.openmilkbank.network;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Signed requests from a bank to its hub (the GETs and small POSTs that are not batches): the bank signs
 * {@code METHOD\npath-with-query\nfacility\ntimestamp\nsha256(body)} with its Ed25519 key and sends the facility, the
 * moment (ISO instant) and the signature in three headers; the hub checks them against the bank's registered key.
 */
public final class SignedRequests {

    public static final String FACILITY = "X-OpenMilkBank-Facility";
    public static final String TIMESTAMP = "X-OpenMilkBank-Timestamp";
    public static final String SIGNATURE = "X-OpenMilkBank-Signature";

    private static final String ALGORITHM = "Ed25519";

    private SignedRequests() {}

    /** The three headers' values of one signed request. */
    public record Headers(String facilityCode, String timestamp, String signature) {}

    /**
     * The bytes signed: the method in capitals, the raw path with its raw query, the facility, the moment and the
     * SHA-256 of the body (of no bytes when there is none), each on its own line.
     */
    static byte[] canonical(String method, String pathAndQuery, String facilityCode, String timestamp, byte[] body) {
        String digest = Batch.sha256Of(body == null ? new byte[0] : body);
        return (method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n" + facilityCode + "\n" + timestamp + "\n"
                        + digest)
                .getBytes(StandardCharsets.UTF_8);
    }

    static Headers sign(
            String method, String pathAndQuery, String facilityCode, Instant at, byte[] body, PrivateKey key) {
        String timestamp = at.toString();
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(canonical(method, pathAndQuery, facilityCode, timestamp, body));
            return new Headers(facilityCode, timestamp, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a request to the hub", e);
        }
    }

    /** Whether the signature is the key's over the request; anything unreadable is simply not valid. */
    static boolean verify(String method, String pathAndQuery, Headers headers, byte[] body, PublicKey key) {
        if (headers.facilityCode() == null || headers.timestamp() == null || headers.signature() == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(canonical(method, pathAndQuery, headers.facilityCode(), headers.timestamp(), body));
            return verifier.verify(Base64.getDecoder().decode(headers.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
