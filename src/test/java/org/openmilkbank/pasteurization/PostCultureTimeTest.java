package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.END;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.code;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.record;
import static org.openmilkbank.pasteurization.PasteurisationRunTest.run;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A culture cannot be sampled before its run ended (issue 7, point 6); the lab refuses a time in the future and a
 * negative read before the profile's incubation (lab.LabSampleTest).
 */
class PostCultureTimeTest {

    @Test
    void refusesACultureSampledBeforeTheRunEnded() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        assertThat(code(() -> run.checkCultureSample(END.minus(1, ChronoUnit.MINUTES))))
                .isEqualTo("pasteurization.postCulture.sampledBeforeRunEnded");
        assertThat(run.state()).isEqualTo(RunState.QUARANTINE);
    }

    @Test
    void acceptsACultureSampledAsTheRunEnded() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        run.checkCultureSample(END);
        assertThat(run.state()).isEqualTo(RunState.QUARANTINE);
    }

    @Test
    void aPositiveCultureDiscardsWithACodeNotWords() {
        PasteurisationRun run = run(record("62.5", 30, 1, 100));
        run.takeCultureVerdict(false);
        assertThat(run.state()).isEqualTo(RunState.DISCARDED);
        assertThat(run.discardReason()).isEqualTo("culture.positive");
    }
}
