package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchOrderTests {

    private static Batch batch(long sequence, String payload) {
        return Batch.of("VN001", sequence, Instant.parse("2026-02-01T00:00:00Z"), payload);
    }

    @Test
    void acceptsTheFirstBatchOfABank() {
        assertThat(BatchOrder.decide(0, Optional.empty(), batch(1, "{}"))).isEqualTo(BatchOrder.Decision.ACCEPT);
    }

    @Test
    void acceptsTheBatchAfterTheLastAccepted() {
        assertThat(BatchOrder.decide(4, Optional.empty(), batch(5, "{}"))).isEqualTo(BatchOrder.Decision.ACCEPT);
    }

    @Test
    void refusesAGapNamingTheNumberExpected() {
        assertThatThrownBy(() -> BatchOrder.decide(4, Optional.empty(), batch(7, "{}")))
                .isInstanceOfSatisfying(BatchRefused.class, r -> {
                    assertThat(r.reason()).isEqualTo(BatchRefused.Reason.GAP);
                    assertThat(r.code()).isEqualTo("network.batch.gap");
                    assertThat(r.expected()).isEqualTo(5L);
                    assertThat(r.args()).containsExactly(7L, 5L);
                });
    }

    @Test
    void refusesAFirstBatchNumberedAboveOne() {
        assertThatThrownBy(() -> BatchOrder.decide(0, Optional.empty(), batch(2, "{}")))
                .isInstanceOfSatisfying(
                        BatchRefused.class, r -> assertThat(r.expected()).isEqualTo(1L));
    }

    @Test
    void answersAReplayOfTheSameBatchAsAlreadyReceived() {
        Batch replay = batch(3, "{\"a\": 1}");

        assertThat(BatchOrder.decide(4, Optional.of(replay.sha256()), replay))
                .isEqualTo(BatchOrder.Decision.ALREADY_RECEIVED);
    }

    @Test
    void refusesAnAcceptedNumberWithOtherContent() {
        Batch accepted = batch(3, "{\"a\": 1}");

        assertThatThrownBy(() -> BatchOrder.decide(4, Optional.of(accepted.sha256()), batch(3, "{\"a\": 2}")))
                .isInstanceOfSatisfying(
                        BatchRefused.class, r -> assertThat(r.reason()).isEqualTo(BatchRefused.Reason.CONFLICT));
    }
}
