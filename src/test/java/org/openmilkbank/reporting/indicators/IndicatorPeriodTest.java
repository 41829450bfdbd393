package org.openmilkbank.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class IndicatorPeriodTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-15T05:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void nothingAskedIsTheLastWholeMonth() {
        assertThat(IndicatorPeriod.parse(null, "", null, clock))
                .isEqualTo(new IndicatorPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void aMonthIsItsFirstToItsLastDay() {
        assertThat(IndicatorPeriod.parse(null, null, "2024-02", clock))
                .isEqualTo(new IndicatorPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void refusesAnUnreadableDayOnItsField() {
        assertThatThrownBy(() -> IndicatorPeriod.parse("2026-13-01", "2026-03-01", null, clock))
                .isInstanceOfSatisfying(RuleViolation.class, r -> {
                    assertThat(r.code()).isEqualTo("reporting.indicators.period.invalid");
                    assertThat(r.field()).contains("from");
                });
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> IndicatorPeriod.parse("2026-03-10", "2026-03-01", null, clock))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("to"));
    }

    @Test
    void refusesOnlyOneDay() {
        assertThatThrownBy(() -> IndicatorPeriod.parse("2026-03-10", null, null, clock))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("to"));
    }
}
