package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPair;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The hub's door, over HTTP: authenticated by the bank's signature, only the next number, replays answered once. */
@IntegrationTest
class BatchIntakeTests {

    private static final AtomicInteger BANKS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkHub hub;

    @Autowired
    BatchIntake intake;

    @Autowired
    JsonMapper json;

    private final KeyPair key = BatchSignatures.newKeyPair();
    private String bank;

    @BeforeEach
    void registerABank() {
        bank = "TI" + BANKS.incrementAndGet() + System.nanoTime() % 100_000;
        hub.register(bank, "VN", "Hà Nội", 400, BatchSignatures.encode(key.getPublic()));
    }

    private SignedBatch signed(long sequence, String payload) {
        return BatchSignatures.sign(
                Batch.of(bank, sequence, Instant.parse("2026-02-01T03:00:00.000001Z"), payload), key.getPrivate());
    }

    private ResultActions send(SignedBatch batch) throws Exception {
        return mvc.perform(post("/api/v1/network/batches")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(batch)));
    }

    @Test
    void acceptsTheFirstBatchWithoutAStaffPassword() throws Exception {
        send(signed(1, "{\"kind\": \"indicators\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.sequence").value(1));

        assertThat(intake.acceptedCount(bank)).isEqualTo(1);
    }

    @Test
    void answersTheSameBatchAgainAsAlreadyReceivedAndStoresItOnce() throws Exception {
        SignedBatch first = signed(1, "{\"kind\": \"indicators\"}");
        send(first).andExpect(status().isOk());

        send(first).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ALREADY_RECEIVED"));

        assertThat(intake.acceptedCount(bank)).isEqualTo(1);
    }

    @Test
    void refusesAGapSayingWhichNumberItExpects() throws Exception {
        send(signed(1, "{}")).andExpect(status().isOk());

        send(signed(3, "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("network.batch.gap"))
                .andExpect(jsonPath("$.expected").value(2))
                .andExpect(jsonPath("$.detail").value("Batch 3 is refused: the hub expects batch 2 next."));

        assertThat(intake.acceptedCount(bank)).isEqualTo(1);
        assertThat(intake.refusalCodes(bank)).containsExactly("network.batch.gap");
    }

    @Test
    void refusesInTheReadersLanguage() throws Exception {
        mvc.perform(post("/api/v1/network/batches")
                        .param("lang", "lo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(signed(2, "{}"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("ຊຸດ 2 ຖືກປະຕິເສດ: ສູນກາງລໍຖ້າຊຸດ 1 ຕໍ່ໄປ."));
    }

    @Test
    void refusesAnAcceptedNumberSentWithOtherContent() throws Exception {
        send(signed(1, "{\"a\": 1}")).andExpect(status().isOk());

        send(signed(1, "{\"a\": 2}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("network.batch.conflict"));

        assertThat(intake.acceptedCount(bank)).isEqualTo(1);
    }

    @Test
    void refusesABatchSignedByAnotherKeyAndRecordsTheRefusal() throws Exception {
        SignedBatch forged = BatchSignatures.sign(
                Batch.of(bank, 1, Instant.parse("2026-02-01T03:00:00Z"), "{}"),
                BatchSignatures.newKeyPair().getPrivate());

        send(forged)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.batch.badSignature"));

        assertThat(intake.acceptedCount(bank)).isZero();
        // an unproven sender is only logged: no row a stranger could multiply
        assertThat(intake.refusalCodes(bank)).isEmpty();
    }

    @Test
    void refusesAChangedPayload() throws Exception {
        SignedBatch signed = signed(1, "{\"volumeMl\": 1000}");
        SignedBatch changed = new SignedBatch(
                bank, 1L, signed.createdAt(), "{\"volumeMl\": 9000}", signed.sha256(), signed.signature());

        send(changed).andExpect(status().isUnauthorized());

        assertThat(intake.acceptedCount(bank)).isZero();
    }

    @Test
    void aBadSignatureIsCheckedBeforeTheNumber() throws Exception {
        SignedBatch forged = BatchSignatures.sign(
                Batch.of(bank, 5, Instant.parse("2026-02-01T03:00:00Z"), "{}"),
                BatchSignatures.newKeyPair().getPrivate());

        send(forged)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.expected").doesNotExist());
    }

    @Test
    void refusesAnUnknownBank() throws Exception {
        KeyPair stranger = BatchSignatures.newKeyPair();
        SignedBatch batch = BatchSignatures.sign(
                Batch.of("NOBANK1", 1, Instant.parse("2026-02-01T03:00:00Z"), "{}"), stranger.getPrivate());

        send(batch)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.batch.unknownBank"));

        assertThat(intake.refusalCodes("NOBANK1")).isEmpty();
    }

    @Test
    void refusesASignedPayloadThatIsNoJsonObject() throws Exception {
        send(signed(1, "not json"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.batch.payloadInvalid"));

        assertThat(intake.acceptedCount(bank)).isZero();
        assertThat(intake.refusalCodes(bank)).containsExactly("network.batch.payloadInvalid");
    }

    @Test
    void refusesABodyThatIsNoBatch() throws Exception {
        mvc.perform(post("/api/v1/network/batches")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"facilityCode\": \"" + bank + "\"}"))
                .andExpect(status().isBadRequest());

        assertThat(intake.acceptedCount(bank)).isZero();
    }
}
