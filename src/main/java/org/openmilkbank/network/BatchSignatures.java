package org.openmilkbank.network;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 signatures over a batch's canonical bytes, and the keys' text forms (X.509 and PKCS#8 in base64). */
public final class BatchSignatures {

    private static final String ALGORITHM = "Ed25519";

    private BatchSignatures() {}

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public static SignedBatch sign(Batch batch, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(batch.canonicalBytes());
            return SignedBatch.of(batch, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign batch " + batch.sequence(), e);
        }
    }

    /**
     * Whether the batch's digest is its payload's and the signature is the key's over its canonical bytes; anything
     * unreadable (a signature that is not base64, a key of another kind) is simply not valid.
     */
    public static boolean verify(SignedBatch signed, PublicKey key) {
        Batch batch = signed.batch();
        if (!batch.digestMatches()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(batch.canonicalBytes());
            return verifier.verify(Base64.getDecoder().decode(signed.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The public key of its X.509 text form; refused ({@code network.bank.key.invalid}) when it is no Ed25519 key. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new org.openmilkbank.shared.RuleViolation("network.bank.key.invalid").on("publicKey");
        }
    }

    static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The network signing key is not an Ed25519 key (PKCS#8, base64)");
        }
    }
}
