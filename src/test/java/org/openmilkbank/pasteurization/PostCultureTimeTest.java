package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.END;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.NOW;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.code;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.record;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.run;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.TestProfiles;

/** A culture cannot be sampled before its run ended, nor in the future (issue 7, point 6). */
class PostCultureTimeTest {

    @Test
    void refusesACultureSampledBeforeTheRunEnded() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        assertThat(code(() -> run.recordPostCulture(
                        0, null, END.minus(1, ChronoUnit.MINUTES), TestProfiles.nice(), "t", NOW)))
                .isEqualTo("pasteurization.postCulture.sampledBeforeRunEnded");
        assertThat(run.state()).isEqualTo(RunState.QUARANTINE);
        assertThat(run.view().postCultureCfu()).isNull();
    }

    @Test
    void refusesACultureSampledInTheFuture() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        assertThat(code(() ->
                        run.recordPostCulture(0, null, NOW.plus(1, ChronoUnit.MINUTES), TestProfiles.nice(), "t", NOW)))
                .isEqualTo("pasteurization.postCulture.sampledInFuture");
        assertThat(run.state()).isEqualTo(RunState.QUARANTINE);
    }

    @Test
    void keepsWhenTheSampleWasTaken() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        run.recordPostCulture(0, null, END.plus(5, ChronoUnit.MINUTES), TestProfiles.nice(), "t", NOW);
        assertThat(run.view().postCultureSampledAt()).isEqualTo(END.plus(5, ChronoUnit.MINUTES));
        assertThat(run.state()).isEqualTo(RunState.CULTURE_NEGATIVE);
    }

    @Test
    void aPositiveCultureDiscardsWithACodeNotWords() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        run.recordPostCulture(5_000, "Bacillus cereus", END, TestProfiles.nice(), "t", NOW);
        assertThat(run.state()).isEqualTo(RunState.DISCARDED);
        assertThat(run.discardReason()).isEqualTo("culture.positive");
    }
}
