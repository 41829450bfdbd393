package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.TestProfiles;
import org.openmilkbank.shared.Said;

class RunAcceptanceTest {

    @Test
    void holderAtSixtyTwoPointFiveForThirtyMinutesPasses() {
        assertThat(RunAcceptance.assess(new BigDecimal("62.5"), 30, TestProfiles.nice())
                        .passed())
                .isTrue();
    }

    @Test
    void sixtyTwoPointFourDegreesFailsNamingTheTemperature() {
        var verdict = RunAcceptance.assess(new BigDecimal("62.4"), 30, TestProfiles.nice());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly(Said.of(RunAcceptance.TOO_COLD, "62.4", "62.5"));
    }

    @Test
    void twentyNineMinutesFailsNamingTheTime() {
        var verdict = RunAcceptance.assess(new BigDecimal("63.0"), 29, TestProfiles.hmbana());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly(Said.of(RunAcceptance.TOO_SHORT, 29, 30));
    }

    @Test
    void bothShortfallsAreNamed() {
        var verdict = RunAcceptance.assess(new BigDecimal("60.0"), 10, TestProfiles.hmbana());
        assertThat(verdict.failures())
                .extracting(Said::key)
                .containsExactly(RunAcceptance.TOO_COLD, RunAcceptance.TOO_SHORT);
        assertThat(verdict.failures().get(0).args()).first().isEqualTo("60.0");
    }
}
