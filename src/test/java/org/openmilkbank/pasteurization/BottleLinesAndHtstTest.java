package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.END;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.NOW;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.START;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.code;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.pool;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.TestProfiles;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/** A run takes bottle lines of several sizes; an HTST run is judged by the profile's HTST parameters. */
class BottleLinesAndHtstTest {

    static RunRecord lines(List<BottleLine> lines, Integer sampledMl) {
        return new RunRecord(
                UUID.randomUUID(),
                "P1",
                START,
                END,
                new BigDecimal("62.5"),
                30,
                null,
                null,
                lines,
                null,
                null,
                sampledMl);
    }

    static RunRecord htst(String temperature, Integer seconds) {
        return new RunRecord(
                UUID.randomUUID(),
                "HTST-1",
                START,
                END,
                new BigDecimal(temperature),
                0,
                null,
                null,
                List.of(new BottleLine(100, 5)),
                PasteurisationMethod.HTST,
                seconds,
                null);
    }

    static StandardProfile allowingHtst(String minSeconds) {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        TestProfiles.nice().values().forEach(v::put);
        v.put(Parameter.HTST_ALLOWED, "true");
        v.put(Parameter.HTST_TEMPERATURE_C, "72.0");
        v.put(Parameter.HTST_MIN_SECONDS, minSeconds);
        return StandardProfile.of("BANK", "Bank HTST", v);
    }

    static PasteurisationRun record(RunRecord r, StandardProfile profile) {
        return PasteurisationRun.record(r, pool(PoolState.READY, 5_000), profile, "recorder", NOW);
    }

    @Test
    void aRunKeepsEveryBottleLineAndCountsItsBottles() {
        PasteurisationRun run =
                record(lines(List.of(new BottleLine(50, 20), new BottleLine(100, 10)), 20), TestProfiles.nice());
        assertThat(run.bottleLines()).containsExactly(new BottleLine(50, 20), new BottleLine(100, 10));
        assertThat(run.sampledMl()).isEqualTo(20);
        RunView view = run.view();
        assertThat(view.bottleCount()).isEqualTo(30);
        assertThat(view.bottleVolumeMl()).isNull();
        assertThat(view.bottles()).hasSize(2);
    }

    @Test
    void theOldSingleCountAndVolumeIsOneLine() {
        PasteurisationRun run = record(PasteurisationRunTest.record("62.5", 30, 4, 100), TestProfiles.nice());
        assertThat(run.bottleLines()).containsExactly(new BottleLine(100, 4));
        assertThat(run.view().bottleVolumeMl()).isEqualTo(100);
    }

    @Test
    void refusesImplausibleLines() {
        StandardProfile nice = TestProfiles.nice();
        assertThat(code(() -> record(lines(List.of(), null), nice))).isEqualTo("pasteurization.runs.bottlesRequired");
        assertThat(code(() -> record(lines(List.of(new BottleLine(1001, 1)), null), nice)))
                .isEqualTo("pasteurization.runs.bottleTooLarge");
        assertThat(code(() -> record(lines(List.of(new BottleLine(50, 2), new BottleLine(50, 3)), null), nice)))
                .isEqualTo("pasteurization.runs.sizeTwice");
        assertThat(code(() -> record(lines(List.of(new BottleLine(50, 0)), null), nice)))
                .isEqualTo("pasteurization.run.bottleCountInvalid");
        assertThat(code(() -> record(lines(List.of(new BottleLine(50, 60), new BottleLine(100, 41)), null), nice)))
                .isEqualTo("pasteurization.run.tooManyBottles");
        assertThat(code(() -> record(lines(List.of(new BottleLine(100, 1)), -1), nice)))
                .isEqualTo("pasteurization.runs.sampledInvalid");
        assertThat(code(() -> record(lines(List.of(new BottleLine(1000, 5)), 1), nice)))
                .isEqualTo("pasteurization.runs.moreThanPool");
    }

    @Test
    void aProfileThatDoesNotAllowHtstRefusesAnHtstRun() {
        assertThat(code(() -> record(htst("72.0", 15), TestProfiles.nice())))
                .isEqualTo("pasteurization.runs.htstNotAllowed");
    }

    @Test
    void anHtstRunAtTheProfilesTemperatureAndSecondsPasses() {
        PasteurisationRun run = record(htst("72.0", 15), allowingHtst("15"));
        assertThat(run.passed()).isTrue();
        assertThat(run.method()).isEqualTo("HTST");
        assertThat(run.view().holdSeconds()).isEqualTo(15);
    }

    @Test
    void anHtstRunTooColdOrTooShortFailsWithTheNumbers() {
        PasteurisationRun cold = record(htst("71.9", 15), allowingHtst("15"));
        assertThat(cold.passed()).isFalse();
        assertThat(cold.view().failureCodes()).extracting(s -> s.key()).containsExactly(HtstAcceptance.TOO_COLD);
        PasteurisationRun shortHold = record(htst("72.0", 10), allowingHtst("15"));
        assertThat(shortHold.passed()).isFalse();
        assertThat(shortHold.view().failureCodes()).extracting(s -> s.key()).containsExactly(HtstAcceptance.TOO_SHORT);
        // a profile whose minimum is 5 s accepts the same 10 s hold
        assertThat(record(htst("72.0", 10), allowingHtst("5")).passed()).isTrue();
    }

    @Test
    void anHtstRunNeedsItsSeconds() {
        assertThat(code(() -> record(htst("72.0", null), allowingHtst("15"))))
                .isEqualTo("pasteurization.runs.holdSecondsRequired");
    }
}
