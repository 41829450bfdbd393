package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class KeyFingerprintsTests {

    private final String key =
            BatchSignatures.encode(BatchSignatures.newKeyPair().getPublic());

    @Test
    void isTheFirstSixteenHexDigitsOfTheKeysSha256InGroupsOfFour() throws Exception {
        String hex = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Base64.getDecoder().decode(key)))
                .toUpperCase();

        assertThat(KeyFingerprints.of(key))
                .matches("[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}")
                .isEqualTo(hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " "
                        + hex.substring(12, 16));
    }

    @Test
    void isTheSameForTheKeyWithSpacesAroundIt() {
        assertThat(KeyFingerprints.of("  " + key + "\n")).isEqualTo(KeyFingerprints.of(key));
    }

    @Test
    void differsBetweenKeys() {
        String other = BatchSignatures.encode(BatchSignatures.newKeyPair().getPublic());

        assertThat(KeyFingerprints.of(other)).isNotEqualTo(KeyFingerprints.of(key));
    }

    @Test
    void refusesWhatIsNoKey() {
        assertThatThrownBy(() -> KeyFingerprints.of("not a key"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.code()).isEqualTo("network.bank.key.invalid"));
    }
}
