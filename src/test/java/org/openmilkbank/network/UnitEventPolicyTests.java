package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmilkbank.traceability.MilkEventType;

/** What of a lineage event may leave the bank, and the units' pseudonyms. */
class UnitEventPolicyTests {

    @Test
    void neverSharesACultureHoldsOrTheBanksOwnPlaces() {
        assertThat(UnitEventPolicy.shares(MilkEventType.CULTURE_POSITIVE)).isFalse();
        assertThat(UnitEventPolicy.shares(MilkEventType.CULTURE_NEGATIVE)).isFalse();
        assertThat(UnitEventPolicy.shares(MilkEventType.CULTURE_RECORDED)).isFalse();
        assertThat(UnitEventPolicy.shares(MilkEventType.HOLD_PLACED)).isFalse();
        assertThat(UnitEventPolicy.shares(MilkEventType.HOLD_ENDED)).isFalse();
        assertThat(UnitEventPolicy.shares(MilkEventType.STORED)).isFalse();
        assertThat(UnitEventPolicy.shares(MilkEventType.MOVED)).isFalse();
    }

    @Test
    void sharesTheMilksSteps() {
        assertThat(MilkEventType.values())
                .filteredOn(UnitEventPolicy::shares)
                .contains(
                        MilkEventType.RECEIVED,
                        MilkEventType.POOLED,
                        MilkEventType.PASTEURISED,
                        MilkEventType.CYCLE_FAILED,
                        MilkEventType.FILLED,
                        MilkEventType.RELEASED,
                        MilkEventType.DISPENSED,
                        MilkEventType.FED,
                        MilkEventType.DISCARDED);
    }

    @Test
    void withholdsADiscardsReasonThatIsATestResult() {
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "culture.positive"))
                .isNull();
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "processing.culture.failed"))
                .isNull();
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "collection.discardedByLab"))
                .isNull();
    }

    @Test
    void withholdsARejectionBecauseOfTheDonor() {
        assertThat(UnitEventPolicy.reason(MilkEventType.REJECTED, "collection.reject.DONOR_BLOCKED"))
                .isNull();
        assertThat(UnitEventPolicy.reason(MilkEventType.REJECTED, "collection.reject.DONOR_NOT_ELIGIBLE"))
                .isNull();
        assertThat(UnitEventPolicy.reason(MilkEventType.REJECTED, "collection.reject.BROKEN_SEAL"))
                .isEqualTo("collection.reject.BROKEN_SEAL");
    }

    @Test
    void sharesTheCodedReasonsOfHandling() {
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "discard.staff"))
                .isEqualTo("discard.staff");
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "ward.remainder"))
                .isEqualTo("ward.remainder");
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "curve.failed"))
                .isEqualTo("curve.failed");
        assertThat(UnitEventPolicy.reason(MilkEventType.RETURNED, "return.AWAY_TOO_LONG"))
                .isEqualTo("return.AWAY_TOO_LONG");
    }

    @Test
    void anUnknownReasonOrAReasonOfAnotherTypeStaysAtTheBank() {
        assertThat(UnitEventPolicy.reason(MilkEventType.DISCARDED, "something.new"))
                .isNull();
        assertThat(UnitEventPolicy.reason(MilkEventType.RECALLED, "recall")).isNull();
        assertThat(UnitEventPolicy.reason(MilkEventType.FED, "ward.remainder")).isNull();
    }

    @Test
    void keepsTheMomentToTheHour() {
        assertThat(UnitEventPolicy.hour(Instant.parse("2026-03-04T14:37:12.345Z")))
                .isEqualTo(Instant.parse("2026-03-04T14:00:00Z"));
    }

    @Test
    void aPseudonymIsStableForOneKeyAndDiffersUnderAnother() {
        UUID unit = UUID.randomUUID();
        byte[] key = new byte[32];
        UnitPseudonyms one = new UnitPseudonyms(key);
        key[0] = 1;
        UnitPseudonyms other = new UnitPseudonyms(key);

        assertThat(one.of(unit)).isEqualTo(one.of(unit)).hasSize(64).doesNotContain(unit.toString());
        assertThat(one.of(unit)).isNotEqualTo(one.of(UUID.randomUUID()));
        assertThat(other.of(unit)).isNotEqualTo(one.of(unit));
    }

    @Test
    void thePseudonymKeyIsTheSecretKeysOwnDerivationNotTheSecretKeyItself(@TempDir Path dir) throws Exception {
        byte[] secret = new byte[32];
        secret[5] = 7;
        String configured = Base64.getEncoder().encodeToString(secret);
        UUID unit = UUID.randomUUID();

        UnitPseudonyms derived = UnitPseudonyms.of(configured, dir);

        assertThat(derived.of(unit))
                .isEqualTo(UnitPseudonyms.of(configured, dir).of(unit));
        assertThat(derived.of(unit)).isNotEqualTo(new UnitPseudonyms(secret).of(unit));
        assertThat(dir.resolve(UnitPseudonyms.KEY_FILE)).doesNotExist();
    }

    @Test
    void withoutASecretKeyTheKeyIsGeneratedOnceIntoAFileOnlyTheServerReads(@TempDir Path dir) throws Exception {
        UUID unit = UUID.randomUUID();

        String first = UnitPseudonyms.of("", dir).of(unit);

        assertThat(UnitPseudonyms.of(null, dir).of(unit)).isEqualTo(first);
        Path file = dir.resolve(UnitPseudonyms.KEY_FILE);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void anEntryOfEventsReadsAsItsCountAndMonthInTheBanksListAndAnotherKindAsNothing() {
        assertThat(UnitEvents.summaryOf(
                        "{\"kind\": \"events\", \"month\": \"2026-03\", \"count\": 12, \"events\": []}"))
                .contains(org.openmilkbank.shared.Said.of("network.outbox.events.summary", 12L, "2026-03"));
        assertThat(UnitEvents.summaryOf("{\"kind\": \"indicators\", \"month\": \"2026-03\"}"))
                .isEmpty();
        assertThat(UnitEvents.summaryOf("not json")).isEmpty();
    }
}
