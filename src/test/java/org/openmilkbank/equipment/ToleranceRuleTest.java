package org.openmilkbank.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class ToleranceRuleTest {

    static final BigDecimal HALF = new BigDecimal("0.5");
    static final ZoneId ZONE = ZoneOffset.ofHours(7);
    static final Instant NOW = Instant.parse("2026-03-04T03:00:00Z");

    static TestPoint point(String nominal, String reference, String found, String left) {
        return new TestPoint(
                new BigDecimal(nominal),
                new BigDecimal(reference),
                new BigDecimal(found),
                left == null ? null : new BigDecimal(left));
    }

    @Test
    void everyPointWithinToleranceAsFoundPasses() {
        ToleranceRule.Judged j =
                ToleranceRule.judge(List.of(point("4", "4.1", "4.3", null), point("62.5", "62.4", "62.9", null)), HALF);
        assertThat(j.outcome()).isEqualTo(CalibrationOutcome.PASSED);
        assertThat(j.worstAsFoundErrorC()).isEqualByComparingTo("0.5");
        assertThat(j.points()).allMatch(CalibrationView.PointView::asFoundWithin);
    }

    @Test
    void aPointFoundOutOfToleranceIsFoundOutOfToleranceEvenWhenAdjustedToPass() {
        ToleranceRule.Judged j = ToleranceRule.judge(
                List.of(point("4", "4.0", "4.1", null), point("62.5", "62.5", "61.8", "62.6")), HALF);
        assertThat(j.outcome()).isEqualTo(CalibrationOutcome.FOUND_OUT_OF_TOLERANCE);
        assertThat(j.outcome().goodAsLeft()).isTrue();
        assertThat(j.worstAsFoundErrorC()).isEqualByComparingTo("-0.7");
        assertThat(j.worstAsLeftErrorC()).isEqualByComparingTo("0.1");
        assertThat(j.points().get(1).asFoundWithin()).isFalse();
        assertThat(j.points().get(1).asLeftWithin()).isTrue();
    }

    @Test
    void aPointStillOutOfToleranceAsLeftFails() {
        ToleranceRule.Judged j = ToleranceRule.judge(List.of(point("62.5", "62.5", "63.4", "63.1")), HALF);
        assertThat(j.outcome()).isEqualTo(CalibrationOutcome.FAILED);
        assertThat(j.outcome().goodAsLeft()).isFalse();
    }

    @Test
    void anErrorOfExactlyTheToleranceIsWithin() {
        assertThat(ToleranceRule.within(new BigDecimal("-0.5"), HALF)).isTrue();
        assertThat(ToleranceRule.within(new BigDecimal("0.501"), HALF)).isFalse();
    }

    @Test
    void blankRowsAreIgnoredAndNoPointAtAllIsRefused() {
        TestPoint blank = new TestPoint(null, null, null, null);
        TestPoint suggested = new TestPoint(new BigDecimal("72"), null, null, null);
        assertThat(ToleranceRule.judge(List.of(blank, point("4", "4", "4", null), suggested), HALF)
                        .points())
                .hasSize(1);
        assertThatThrownBy(() -> ToleranceRule.judge(List.of(blank), HALF))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.calibration.pointsRequired");
    }

    @Test
    void aPointWithoutItsReferenceReadingIsRefused() {
        assertThatThrownBy(() -> ToleranceRule.judge(
                        List.of(new TestPoint(new BigDecimal("4"), null, new BigDecimal("4"), null)), HALF))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.calibration.pointIncomplete");
    }

    @Test
    void anImpossibleReadingIsRefused() {
        assertThatThrownBy(() -> ToleranceRule.judge(List.of(point("62.5", "62.5", "625", null)), HALF))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.calibration.impossibleReading");
    }

    @Test
    void theNextCalibrationIsDueTheIntervalAfterItsDayInTheBanksZone() {
        // 20:00 UTC on 3 March is already 4 March in Vientiane
        Calibration c = Calibration.record(
                UUID.randomUUID(),
                calibration(Instant.parse("2026-03-03T20:00:00Z"), LocalDate.of(2027, 1, 1)),
                HALF,
                30,
                "tech",
                NOW,
                ZONE);
        assertThat(c.view().dueOn()).isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void refusesACalibrationAgainstAReferenceWhoseCertificateHadRunOut() {
        assertThatThrownBy(() -> Calibration.record(
                        UUID.randomUUID(), calibration(NOW, LocalDate.of(2026, 3, 3)), HALF, 30, "tech", NOW, ZONE))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.calibration.certificateExpired");
    }

    @Test
    void refusesACalibrationStillToCome() {
        assertThatThrownBy(() -> Calibration.record(
                        UUID.randomUUID(),
                        calibration(NOW.plusSeconds(3600), LocalDate.of(2027, 1, 1)),
                        HALF,
                        30,
                        "tech",
                        NOW,
                        ZONE))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("equipment.calibration.inFuture");
    }

    static NewCalibration calibration(Instant at, LocalDate validUntil) {
        return new NewCalibration(
                at,
                null,
                "Reference thermometer",
                "CERT-1",
                "Metrology lab",
                validUntil,
                List.of(point("62.5", "62.5", "62.6", null)),
                null);
    }
}
