package org.openmilkbank.network;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Properties;

/**
 * The bank's Ed25519 key pair for the network: read from a file that only the server's user may read (600), or
 * generated once into it. The hub enrols the bank with {@link #publicKeyText()}.
 */
public final class BankKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private BankKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static BankKey of(KeyPair pair) {
        return new BankKey(pair.getPrivate(), pair.getPublic());
    }

    /** Read from {@code file}, or a new pair written there, 600 from birth and moved into place in one step. */
    static BankKey inFile(Path file) {
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                String priv = p.getProperty("private.key");
                String pub = p.getProperty("public.key");
                if (priv == null || pub == null) {
                    throw new IllegalStateException(file + " lacks the network key pair");
                }
                return new BankKey(BatchSignatures.privateKey(priv), BatchSignatures.publicKey(pub));
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            KeyPair pair = BatchSignatures.newKeyPair();
            Path temp = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            Properties p = new Properties();
            p.setProperty("private.key", BatchSignatures.encode(pair.getPrivate()));
            p.setProperty("public.key", BatchSignatures.encode(pair.getPublic()));
            try (Writer out = Files.newBufferedWriter(temp)) {
                p.store(out, "OpenMilkBank network signing key (Ed25519): give the hub only public.key");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return of(pair);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the network key in " + file, e);
        }
    }

    public SignedBatch sign(Batch batch) {
        return BatchSignatures.sign(batch, privateKey);
    }

    /** Signs a request to the hub ({@link SignedRequests}). */
    SignedRequests.Headers signRequest(
            String method, String pathAndQuery, String facilityCode, java.time.Instant at, byte[] body) {
        return SignedRequests.sign(method, pathAndQuery, facilityCode, at, body, privateKey);
    }

    /** The public key's fingerprint, to be compared by phone with what the other side sees. */
    public String fingerprint() {
        return KeyFingerprints.of(publicKeyText());
    }

    /** The public key in X.509 form, base64: what the hub registers. */
    public String publicKeyText() {
        return BatchSignatures.encode(publicKey);
    }

    @Override
    public String toString() {
        return "BankKey[" + publicKeyText() + "]";
    }
}
