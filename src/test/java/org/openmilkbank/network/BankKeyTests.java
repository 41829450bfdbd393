package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankKeyTests {

    @TempDir
    Path dataDir;

    @Test
    void aNewKeyIsWrittenReadableOnlyByTheServersUser() throws IOException {
        Path file = dataDir.resolve("openmilkbank-network.key");

        BankKey.inFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void theSameKeyIsReadBackAtTheNextStart() {
        Path file = dataDir.resolve("openmilkbank-network.key");
        BankKey first = BankKey.inFile(file);

        BankKey again = BankKey.inFile(file);

        assertThat(again.publicKeyText()).isEqualTo(first.publicKeyText());
        SignedBatch signed = again.sign(Batch.of("VN001", 1, Instant.parse("2026-01-01T00:00:00Z"), "{}"));
        assertThat(BatchSignatures.verify(signed, BatchSignatures.publicKey(first.publicKeyText())))
                .isTrue();
    }

    @Test
    void thePrivateKeyIsNeverPrinted() {
        BankKey key = BankKey.inFile(dataDir.resolve("k"));

        assertThat(key.toString()).isEqualTo("BankKey[" + key.publicKeyText() + "]");
    }
}
