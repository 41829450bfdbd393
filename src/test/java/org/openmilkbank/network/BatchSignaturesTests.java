package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchSignaturesTests {

    private final KeyPair bank = BatchSignatures.newKeyPair();
    private final Batch batch =
            Batch.of("VN001", 7, Instant.parse("2026-01-31T17:00:00.123456Z"), "{\"kind\": \"indicators\"}");

    @Test
    void aBatchSignedByTheBankVerifiesAgainstItsPublicKey() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());

        assertThat(BatchSignatures.verify(signed, bank.getPublic())).isTrue();
    }

    @Test
    void theSignatureSurvivesTheKeysTextForm() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());

        assertThat(BatchSignatures.verify(signed, BatchSignatures.publicKey(BatchSignatures.encode(bank.getPublic()))))
                .isTrue();
    }

    @Test
    void signingTheSameBatchAgainGivesTheSameBytes() {
        assertThat(BatchSignatures.sign(batch, bank.getPrivate()))
                .isEqualTo(BatchSignatures.sign(batch, bank.getPrivate()));
    }

    @Test
    void aChangedPayloadWithItsOldDigestIsRefused() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());
        SignedBatch changed = new SignedBatch(
                signed.facilityCode(),
                signed.sequence(),
                signed.createdAt(),
                "{\"kind\": \"indicators\", \"x\": 1}",
                signed.sha256(),
                signed.signature());

        assertThat(BatchSignatures.verify(changed, bank.getPublic())).isFalse();
    }

    @Test
    void aChangedPayloadWithANewDigestIsRefused() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());
        Batch other = Batch.of("VN001", 7, batch.createdAt(), "{\"kind\": \"other\"}");
        SignedBatch forged = SignedBatch.of(other, signed.signature());

        assertThat(BatchSignatures.verify(forged, bank.getPublic())).isFalse();
    }

    @Test
    void aChangedNumberIsRefused() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());
        SignedBatch renumbered = new SignedBatch(
                signed.facilityCode(), 8L, signed.createdAt(), signed.payload(), signed.sha256(), signed.signature());

        assertThat(BatchSignatures.verify(renumbered, bank.getPublic())).isFalse();
    }

    @Test
    void aChangedBankIsRefused() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());
        SignedBatch moved = new SignedBatch(
                "LA001", signed.sequence(), signed.createdAt(), signed.payload(), signed.sha256(), signed.signature());

        assertThat(BatchSignatures.verify(moved, bank.getPublic())).isFalse();
    }

    @Test
    void aBatchSignedByAnotherKeyIsRefused() {
        SignedBatch signed =
                BatchSignatures.sign(batch, BatchSignatures.newKeyPair().getPrivate());

        assertThat(BatchSignatures.verify(signed, bank.getPublic())).isFalse();
    }

    @Test
    void aSignatureThatIsNotBase64IsRefusedNotThrown() {
        SignedBatch signed = BatchSignatures.sign(batch, bank.getPrivate());
        SignedBatch garbled = new SignedBatch(
                signed.facilityCode(), 7L, signed.createdAt(), signed.payload(), signed.sha256(), "not base64!");

        assertThat(BatchSignatures.verify(garbled, bank.getPublic())).isFalse();
    }
}
