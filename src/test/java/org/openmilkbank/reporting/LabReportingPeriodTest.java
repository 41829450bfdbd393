package org.openmilkbank.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class LabReportingPeriodTest {

    private final LabReporting reporting =
            new LabReporting(null, Clock.fixed(Instant.parse("2026-12-01T16:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")));

    @Test
    void withoutAPeriodShowsTheLastTwelveMonthsThisOneIncluded() {
        assertThat(reporting.period(null, " "))
                .isEqualTo(new LabReporting.Period(YearMonth.of(2026, 1), YearMonth.of(2026, 12)));
    }

    @Test
    void aPeriodOfOneMonthIsThatMonth() {
        assertThat(reporting.period("2026-03", "2026-03"))
                .isEqualTo(new LabReporting.Period(YearMonth.of(2026, 3), YearMonth.of(2026, 3)));
    }

    @Test
    void refusesAnUnreadableMonthNamingItsField() {
        assertThatThrownBy(() -> reporting.period("2026-3x", null)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo("reporting.lab.period.month");
            assertThat(e.field()).contains("from");
        });
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> reporting.period("2026-05", "2026-04"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("reporting.lab.period.order"));
    }

    @Test
    void acceptsSixtyMonthsAndRefusesSixtyOne() {
        assertThat(reporting.period("2022-01", "2026-12").from()).isEqualTo(YearMonth.of(2022, 1));
        assertThatThrownBy(() -> reporting.period("2021-12", "2026-12"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("reporting.lab.period.tooLong"));
    }

    @Test
    void aRateIsItsShareInPercentToOneDecimalAndNoneOfNothing() {
        assertThat(LabDashboard.percent(1, 4)).isEqualByComparingTo("25.0");
        assertThat(LabDashboard.percent(1, 3)).isEqualByComparingTo("33.3");
        assertThat(LabDashboard.percent(2, 3)).isEqualByComparingTo("66.7");
        assertThat(LabDashboard.percent(0, 0)).isNull();
    }
}
