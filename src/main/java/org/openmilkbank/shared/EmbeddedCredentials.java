package org.openmilkbank.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/** The embedded server's generated passwords, kept owner-readable only (600) inside its data directory. */
record EmbeddedCredentials(String superuserPassword, String ownerPassword) {

    static final String FILE = "openmilkbank-credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(randomPassword(), randomPassword());
    }

    static Optional<EmbeddedCredentials> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String superuser = p.getProperty("superuser.password");
        String owner = p.getProperty("owner.password");
        if (superuser == null || owner == null) {
            throw new IllegalStateException(file + " lacks the embedded database's passwords");
        }
        return Optional.of(new EmbeddedCredentials(superuser, owner));
    }

    /** Written to a new file that is 600 from birth, then moved into place in one step. */
    void save(Path dataDir) throws IOException {
        Path target = dataDir.resolve(FILE);
        Path temp = dataDir.resolve(FILE + ".new");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Properties p = new Properties();
        p.setProperty("superuser.password", superuserPassword);
        p.setProperty("owner.password", ownerPassword);
        try (Writer out = Files.newBufferedWriter(temp)) {
            p.store(
                    out,
                    "OpenMilkBank embedded PostgreSQL: superuser 'postgres' (bootstrap only), owner 'openmilkbank'");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[hidden]";
    }
}
