package org.openmilkbank.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.CalibrationStanding.Standing;
import org.openmilkbank.equipment.StandingPolicy.CalibrationFact;
import org.openmilkbank.equipment.StandingPolicy.StatusFact;

class StandingPolicyTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final UUID ID = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    static final List<StatusFact> IN_SERVICE = List.of(new StatusFact(EquipmentStatus.IN_SERVICE, T0.minus(days(10))));

    static Duration days(int n) {
        return Duration.ofDays(n);
    }

    static CalibrationFact calibration(int day, CalibrationOutcome outcome, String error) {
        Instant at = T0.plus(days(day));
        return new CalibrationFact(
                UUID.randomUUID(), at, LocalDate.ofInstant(at, ZONE).plusDays(30), outcome, new BigDecimal(error));
    }

    static CalibrationStanding at(List<StatusFact> statuses, List<CalibrationFact> calibrations, int day) {
        return StandingPolicy.at(ID, statuses, calibrations, T0.plus(days(day)).plusSeconds(60), ZONE);
    }

    @Test
    void anInstrumentWithoutACalibrationBeforeTheMomentWasNeverCalibrated() {
        CalibrationStanding s = at(IN_SERVICE, List.of(calibration(5, CalibrationOutcome.PASSED, "0.1")), 2);
        assertThat(s.standing()).isEqualTo(Standing.NEVER_CALIBRATED);
        assertThat(s.calibrationId()).isNull();
    }

    @Test
    void theLatestCalibrationBeforeTheMomentIsInForce() {
        CalibrationFact first = calibration(0, CalibrationOutcome.PASSED, "0.1");
        CalibrationFact second = calibration(20, CalibrationOutcome.PASSED, "0.2");
        CalibrationStanding s = at(IN_SERVICE, List.of(second, first), 25);
        assertThat(s.standing()).isEqualTo(Standing.GOOD);
        assertThat(s.calibrationId()).isEqualTo(second.id());
        assertThat(s.dueOn()).isEqualTo(second.dueOn());
    }

    @Test
    void aMomentAfterTheDueDateIsOverdueAndTheDueDayItselfIsNot() {
        List<CalibrationFact> one = List.of(calibration(0, CalibrationOutcome.PASSED, "0.1"));
        assertThat(at(IN_SERVICE, one, 30).standing()).isEqualTo(Standing.GOOD);
        assertThat(at(IN_SERVICE, one, 31).standing()).isEqualTo(Standing.OVERDUE);
    }

    @Test
    void aLaterCalibrationThatFoundItOutOfToleranceMakesItBadSinceTheLastGoodOne() {
        CalibrationFact good = calibration(0, CalibrationOutcome.PASSED, "0.1");
        CalibrationFact found = calibration(20, CalibrationOutcome.FOUND_OUT_OF_TOLERANCE, "-0.9");
        CalibrationStanding before = at(IN_SERVICE, List.of(good, found), 10);
        assertThat(before.standing()).isEqualTo(Standing.OUT_OF_TOLERANCE);
        assertThat(before.calibrationId()).isEqualTo(good.id());
        assertThat(before.worstAsFoundErrorC()).isEqualByComparingTo("-0.9");
        // adjusted and passing as left: good again from that calibration on
        assertThat(at(IN_SERVICE, List.of(good, found), 21).standing()).isEqualTo(Standing.GOOD);
    }

    @Test
    void aCalibrationThatLeftItOutOfToleranceKeepsItBadAfterwards() {
        CalibrationStanding s = at(
                IN_SERVICE,
                List.of(
                        calibration(0, CalibrationOutcome.PASSED, "0"),
                        calibration(10, CalibrationOutcome.FAILED, "1.2")),
                12);
        assertThat(s.standing()).isEqualTo(Standing.OUT_OF_TOLERANCE);
    }

    @Test
    void aGoodCalibrationBetweenTheMomentAndTheFindingClearsTheMoment() {
        CalibrationFact first = calibration(0, CalibrationOutcome.PASSED, "0.1");
        CalibrationFact between = calibration(10, CalibrationOutcome.PASSED, "0.2");
        CalibrationFact found = calibration(20, CalibrationOutcome.FOUND_OUT_OF_TOLERANCE, "0.8");
        assertThat(at(IN_SERVICE, List.of(first, between, found), 5).standing()).isEqualTo(Standing.GOOD);
        assertThat(at(IN_SERVICE, List.of(first, between, found), 15).standing())
                .isEqualTo(Standing.OUT_OF_TOLERANCE);
    }

    @Test
    void aCalibrationThatFoundItWithinToleranceButLeftItOutDoesNotCondemnTheMomentsBeforeIt() {
        Instant later = T0.plus(days(20));
        CalibrationFact worsened = new CalibrationFact(
                UUID.randomUUID(),
                later,
                LocalDate.ofInstant(later, ZONE).plusDays(30),
                CalibrationOutcome.FAILED,
                false,
                new BigDecimal("0.2"));
        List<CalibrationFact> facts = List.of(calibration(0, CalibrationOutcome.PASSED, "0.1"), worsened);
        assertThat(at(IN_SERVICE, facts, 10).standing()).isEqualTo(Standing.GOOD);
        assertThat(at(IN_SERVICE, facts, 21).standing()).isEqualTo(Standing.OUT_OF_TOLERANCE);
    }

    @Test
    void anInstrumentOutOfServiceAtTheMomentIsNotInServiceAndInServiceAgainAfterwards() {
        List<StatusFact> statuses = List.of(
                new StatusFact(EquipmentStatus.IN_SERVICE, T0.minus(days(10))),
                new StatusFact(EquipmentStatus.OUT_OF_SERVICE, T0.plus(days(3))),
                new StatusFact(EquipmentStatus.IN_SERVICE, T0.plus(days(6))));
        List<CalibrationFact> one = List.of(calibration(0, CalibrationOutcome.PASSED, "0.1"));
        assertThat(at(statuses, one, 4).standing()).isEqualTo(Standing.NOT_IN_SERVICE);
        assertThat(at(statuses, one, 7).standing()).isEqualTo(Standing.GOOD);
    }

    @Test
    void beforeItWasPutInServiceAnInstrumentIsNotInService() {
        List<StatusFact> later = List.of(new StatusFact(EquipmentStatus.IN_SERVICE, T0.plus(days(5))));
        assertThat(at(later, List.of(calibration(0, CalibrationOutcome.PASSED, "0")), 2)
                        .standing())
                .isEqualTo(Standing.NOT_IN_SERVICE);
    }
}
