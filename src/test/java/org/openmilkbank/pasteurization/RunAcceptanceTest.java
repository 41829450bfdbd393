package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.TestProfiles;

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
        assertThat(verdict.failure()).contains("62.4 °C").contains("62.5 °C");
    }

    @Test
    void twentyNineMinutesFailsNamingTheTime() {
        var verdict = RunAcceptance.assess(new BigDecimal("63.0"), 29, TestProfiles.hmbana());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).contains("held 29 min").contains("30 min");
    }

    @Test
    void bothShortfallsAreNamed() {
        var verdict = RunAcceptance.assess(new BigDecimal("60.0"), 10, TestProfiles.hmbana());
        assertThat(verdict.failure()).contains("60.0 °C").contains("held 10 min");
    }
}
