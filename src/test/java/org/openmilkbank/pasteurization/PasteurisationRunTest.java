package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.TestProfiles;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;

class PasteurisationRunTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant START = NOW.minus(90, ChronoUnit.MINUTES);
    static final Instant END = NOW.minus(10, ChronoUnit.MINUTES);

    static PoolView pool(PoolState state, int volumeMl) {
        return new PoolView(
                UUID.randomUUID(),
                Din.of("A0001", 26, 77).value(),
                state,
                NOW,
                "tech",
                volumeMl,
                1,
                LocalDate.of(2026, 2, 1),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                null);
    }

    static RunRecord record(String temperature, int minutes, int count, int volume) {
        return new RunRecord(
                UUID.randomUUID(), "PAST-1", START, END, new BigDecimal(temperature), minutes, count, volume);
    }

    static PasteurisationRun run(RunRecord r) {
        return PasteurisationRun.record(r, pool(PoolState.READY, 1000), TestProfiles.nice(), "recorder", NOW);
    }

    /** A typed run with a negative culture whose manual record a second person confirmed. */
    static PasteurisationRun negativeRun() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        run.confirmManual("confirmer", NOW);
        run.takeCultureVerdict(true);
        return run;
    }

    static String code(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation e) {
            return e.code();
        }
        return "accepted";
    }

    @Test
    void aRunAtTheHolderMinimumsGoesToQuarantine() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        assertThat(run.state()).isEqualTo(RunState.QUARANTINE);
        assertThat(run.view().outcome()).isEqualTo("PASSED");
    }

    @Test
    void aColdOrShortRunIsRecordedAsFailedWithTheReason() {
        PasteurisationRun cold = run(record("62.4", 30, 10, 100));
        assertThat(cold.state()).isEqualTo(RunState.FAILED);
        assertThat(cold.failureReason()).isNull();
        assertThat(cold.view().failureCodes())
                .containsExactly(org.openmilkbank.shared.Said.of(RunAcceptance.TOO_COLD, "62.4", "62.5"));
        PasteurisationRun shortHold = run(record("62.5", 29, 10, 100));
        assertThat(shortHold.state()).isEqualTo(RunState.FAILED);
        assertThat(shortHold.view().failureCodes())
                .containsExactly(org.openmilkbank.shared.Said.of(RunAcceptance.TOO_SHORT, 29, 30));
        assertThat(code(() -> cold.release("other", NOW))).isEqualTo("pasteurization.release.failedRunBecause");
        assertThat(code(() -> cold.checkCultureSample(END))).isEqualTo("pasteurization.postCulture.notInQuarantine");
        assertThat(cold.takeCultureVerdict(true)).isFalse();
        assertThat(cold.state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void refusesImpossibleRecords() {
        StandardProfile nice = TestProfiles.nice();
        assertThat(code(() -> PasteurisationRun.record(
                        record("62.5", 30, 1, 100), pool(PoolState.AWAITING_PRE_CULTURE, 1000), nice, "t", NOW)))
                .isEqualTo("pasteurization.run.poolNotReady");
        assertThat(code(() -> PasteurisationRun.record(
                        record("62.5", 30, 1, 100), pool(PoolState.PASTEURISED, 1000), nice, "t", NOW)))
                .isEqualTo("pasteurization.run.poolNotReady");
        assertThat(code(() ->
                        run(new RunRecord(UUID.randomUUID(), "P1", END, START, new BigDecimal("62.5"), 30, 1, 100))))
                .isEqualTo("pasteurization.run.endBeforeStart");
        assertThat(code(() -> run(new RunRecord(
                        UUID.randomUUID(), "P1", START, NOW.plusSeconds(60), new BigDecimal("62.5"), 30, 1, 100))))
                .isEqualTo("pasteurization.run.endInFuture");
        assertThat(code(() -> run(record("62.5", 81, 1, 100)))).isEqualTo("pasteurization.run.holdLongerThanRun");
        assertThat(code(() -> run(record("62.5", 80, 1, 100)))).isEqualTo("accepted");
        assertThat(code(() -> run(record("62.5", 30, 0, 100)))).isEqualTo("pasteurization.run.bottleCountInvalid");
        assertThat(code(() -> run(record("62.5", 30, 1, 0)))).isEqualTo("pasteurization.run.bottleVolumeInvalid");
        assertThat(code(() -> run(record("62.5", 30, 11, 100)))).isEqualTo("pasteurization.runs.moreThanPool");
        assertThat(code(() -> run(record("62.5", 30, 10, 100)))).isEqualTo("accepted");
        assertThat(code(() ->
                        run(new RunRecord(UUID.randomUUID(), " ", START, END, new BigDecimal("62.5"), 30, 1, 100))))
                .isEqualTo("pasteurization.run.deviceRequired");
    }

    @Test
    void refusesReleaseWhileCultureIsPending() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        assertThat(code(() -> run.release("second", NOW))).isEqualTo("pasteurization.release.culturePending");
        assertThat(run.state()).isEqualTo(RunState.QUARANTINE);
    }

    @Test
    void refusesReleaseByTheTechnicianWhoRecordedTheRun() {
        PasteurisationRun run = negativeRun();
        assertThat(code(() -> run.release("recorder", NOW))).isEqualTo("pasteurization.release.sameTechnician");
        assertThat(run.state()).isEqualTo(RunState.CULTURE_NEGATIVE);
    }

    @Test
    void aDifferentTechnicianReleasesANegativeRun() {
        PasteurisationRun run = negativeRun();
        run.release("second", NOW);
        assertThat(run.state()).isEqualTo(RunState.RELEASED);
        assertThat(run.view().releasedBy()).isEqualTo("second");
        assertThat(run.view().releasedAt()).isEqualTo(NOW);
        assertThat(code(() -> run.release("third", NOW))).isEqualTo("pasteurization.release.alreadyReleased");
    }

    @Test
    void aFailedCultureDiscardsTheRunAndRefusesItsRelease() {
        PasteurisationRun run = run(record("62.5", 30, 10, 100));
        assertThat(run.takeCultureVerdict(false)).isTrue();
        assertThat(run.state()).isEqualTo(RunState.DISCARDED);
        assertThat(run.discardReason()).isEqualTo("culture.positive");
        assertThat(code(() -> run.release("second", NOW))).isEqualTo("pasteurization.release.culturePositive");
    }

    @Test
    void aFailedCultureStillDiscardsARunWaitingForItsReleaseButNotAReleasedOne() {
        PasteurisationRun waiting = negativeRun();
        assertThat(waiting.takeCultureVerdict(false)).isTrue();
        assertThat(waiting.state()).isEqualTo(RunState.DISCARDED);

        PasteurisationRun released = negativeRun();
        released.release("second", NOW);
        assertThat(released.takeCultureVerdict(false)).isFalse();
        assertThat(released.state()).isEqualTo(RunState.RELEASED);
    }

    @Test
    void refusesMoreThanAHundredBottlesOrBottlesUnderTenMillilitres() {
        PoolView big = pool(PoolState.READY, 100_000);
        assertThat(code(() ->
                        PasteurisationRun.record(record("62.5", 30, 101, 100), big, TestProfiles.nice(), "r", NOW)))
                .isEqualTo("pasteurization.run.tooManyBottles");
        assertThat(code(() ->
                        PasteurisationRun.record(record("62.5", 30, 100, 100), big, TestProfiles.nice(), "r", NOW)))
                .isEqualTo("accepted");
        assertThat(code(() -> run(record("62.5", 30, 1, 9)))).isEqualTo("pasteurization.run.bottleTooSmall");
        assertThat(code(() -> run(record("62.5", 30, 1, 10)))).isEqualTo("accepted");
    }
}
