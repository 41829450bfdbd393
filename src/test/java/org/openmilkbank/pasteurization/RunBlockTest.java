package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.TestProfiles;

class RunBlockTest {

    static final String REASON = "HBsAg positive, sample 2026-03-01";

    @Test
    void blocksAQuarantinedACultureNegativeAndAReleasedRun() {
        PasteurisationRun quarantined = PasteurisationRunTest.run(PasteurisationRunTest.record("62.5", 30, 1, 100));
        PasteurisationRun negative = PasteurisationRunTest.negativeRun();
        PasteurisationRun released = PasteurisationRunTest.negativeRun();
        released.release("releaser", PasteurisationRunTest.NOW);
        for (PasteurisationRun r : List.of(quarantined, negative, released)) {
            assertThat(r.block(REASON)).isTrue();
            assertThat(r.state()).isEqualTo(RunState.BLOCKED);
            assertThat(r.view().blockReason()).isEqualTo(REASON);
        }
    }

    @Test
    void leavesAFailedRunAsItIs() {
        PasteurisationRun failed = PasteurisationRunTest.run(PasteurisationRunTest.record("60.0", 30, 1, 100));
        assertThat(failed.block(REASON)).isFalse();
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void aBlockedRunRefusesItsCultureAndItsRelease() {
        PasteurisationRun quarantined = PasteurisationRunTest.run(PasteurisationRunTest.record("62.5", 30, 1, 100));
        quarantined.block(REASON);
        assertThat(PasteurisationRunTest.code(() -> quarantined.recordPostCulture(
                        0, null, TestProfiles.nice(), "recorder", PasteurisationRunTest.NOW)))
                .isEqualTo("pasteurization.run.blocked");
        PasteurisationRun negative = PasteurisationRunTest.negativeRun();
        negative.block(REASON);
        assertThat(PasteurisationRunTest.code(() -> negative.release("releaser", PasteurisationRunTest.NOW)))
                .isEqualTo("pasteurization.run.blocked");
    }

    @Test
    void refusesARunOnABlockedPoolGivingTheReason() {
        PoolView ready = PasteurisationRunTest.pool(PoolState.READY, 1000);
        PoolView blocked = new PoolView(
                ready.id(),
                ready.din(),
                PoolState.BLOCKED,
                ready.createdAt(),
                ready.createdBy(),
                ready.volumeMl(),
                ready.donorCount(),
                ready.earliestExpression(),
                List.of(),
                List.of(),
                null,
                null,
                REASON);
        assertThat(PasteurisationRunTest.code(() -> PasteurisationRun.record(
                        PasteurisationRunTest.record("62.5", 30, 1, 100),
                        blocked,
                        TestProfiles.nice(),
                        "recorder",
                        PasteurisationRunTest.NOW)))
                .isEqualTo("pasteurization.run.poolBlocked");
    }
}
