package org.openmilkbank.reporting.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmilkbank.shared.RuleViolation;

/** The DHIS2 password at rest: AES-GCM under the bank's key, unreadable under any other. */
class SecretBoxTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @TempDir
    Path dataDir;

    @Test
    void theStoredTextIsNotThePasswordAndReadsBackUnderTheSameKey() {
        SecretBox box = SecretBox.of(KEY, dataDir, "dhis2");
        String sealed = box.seal("district-Pa55word");

        assertThat(sealed).startsWith("v1:").doesNotContain("district").doesNotContain("Pa55word");
        assertThat(new String(Base64.getDecoder().decode(sealed.substring(3)))).doesNotContain("Pa55word");
        assertThat(box.open(sealed)).isEqualTo("district-Pa55word");
    }

    @Test
    void theSamePasswordSealedTwiceIsStoredDifferently() {
        SecretBox box = SecretBox.of(KEY, dataDir, "dhis2");
        assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
    }

    @Test
    void anotherKeyCannotReadIt() {
        String sealed = SecretBox.of(KEY, dataDir, "dhis2").seal("district-Pa55word");
        SecretBox other = SecretBox.of(OTHER_KEY, dataDir, "dhis2");

        assertThatThrownBy(() -> other.open(sealed))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("reporting.dhis2.password.unreadable");
    }

    @Test
    void aChangedCiphertextOrOneSealedForAnotherUseIsRefused() {
        SecretBox box = SecretBox.of(KEY, dataDir, "dhis2");
        String sealed = box.seal("district-Pa55word");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> SecretBox.of(KEY, dataDir, "another use").open(sealed))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> box.open("plain text")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoAFileOnlyTheServerMayReadAndKeptForTheNextStart() throws Exception {
        String sealed = SecretBox.of("", dataDir, "dhis2").seal("district-Pa55word");
        Path file = dataDir.resolve(SecretBox.KEY_FILE);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretBox.of(null, dataDir, "dhis2").open(sealed)).isEqualTo("district-Pa55word");
    }

    @Test
    void aConfiguredKeyThatIsNot32BytesOfBase64IsRefusedAtStart() {
        assertThatThrownBy(() -> SecretBox.of("not base64!", dataDir, "dhis2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENMILKBANK_SECRET_KEY");
        assertThatThrownBy(() -> SecretBox.of(Base64.getEncoder().encodeToString(new byte[16]), dataDir, "dhis2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
