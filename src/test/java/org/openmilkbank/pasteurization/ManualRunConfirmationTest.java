package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.NOW;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.code;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.pool;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.record;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.run;

import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.TestProfiles;

/** A run typed without its log is a manual record: its bottles are released only once a second person confirmed it. */
class ManualRunConfirmationTest {

    @Test
    void aTypedRunIsAManualRecordAwaitingConfirmation() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        assertThat(run.manual()).isTrue();
        assertThat(run.awaitsManualConfirmation()).isTrue();
    }

    @Test
    void refusesReleaseOfAnUnconfirmedManualRecordEvenAfterANegativeCulture() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        run.takeCultureVerdict(true);
        assertThat(code(() -> run.release("second", NOW))).isEqualTo("pasteurization.manual.release.unconfirmed");
        assertThat(run.state()).isEqualTo(RunState.CULTURE_NEGATIVE);
        assertThat(run.view().releasedBy()).isNull();
    }

    @Test
    void aSecondPersonConfirmsAndTheRunCanThenBeReleased() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        run.confirmManual("second", NOW);
        assertThat(run.awaitsManualConfirmation()).isFalse();
        assertThat(run.manualConfirmedBy()).isEqualTo("second");
        assertThat(run.manualConfirmedAt()).isEqualTo(NOW);
        run.takeCultureVerdict(true);
        run.release("second", NOW);
        assertThat(run.state()).isEqualTo(RunState.RELEASED);
    }

    @Test
    void refusesConfirmationByTheTechnicianWhoTypedTheRun() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        assertThat(code(() -> run.confirmManual("RECORDER", NOW))).isEqualTo("pasteurization.manual.sameTechnician");
        assertThat(run.awaitsManualConfirmation()).isTrue();
    }

    @Test
    void refusesASecondConfirmation() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        run.confirmManual("second", NOW);
        assertThat(code(() -> run.confirmManual("third", NOW))).isEqualTo("pasteurization.manual.alreadyConfirmed");
        assertThat(run.manualConfirmedBy()).isEqualTo("second");
    }

    @Test
    void refusesConfirmationOfAFailedRun() {
        PasteurisationRun failed = run(record("61.0", 30, 10, 100));
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.awaitsManualConfirmation()).isFalse();
        assertThat(code(() -> failed.confirmManual("second", NOW))).isEqualTo("pasteurization.manual.notConfirmable");
    }

    @Test
    void aRunJudgedByItsLogIsNotAManualRecordAndNeedsNoConfirmation() {
        PasteurisationRun run = PasteurisationRun.awaitingLog(
                record("62.5", 30, 10, 100), pool(PoolState.READY, 1000), TestProfiles.nice(), "recorder", NOW);
        assertThat(run.manual()).isFalse();
        run.judgeByCurve(true, java.util.List.of(), new java.math.BigDecimal("62.7"), 31);
        assertThat(run.awaitsManualConfirmation()).isFalse();
        assertThat(code(() -> run.confirmManual("second", NOW))).isEqualTo("pasteurization.manual.notManual");
        run.takeCultureVerdict(true);
        run.release("second", NOW);
        assertThat(run.state()).isEqualTo(RunState.RELEASED);
    }
}
