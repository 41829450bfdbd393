package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.equipment.CalibrationStanding.Standing;

/**
 * An instrument's standing at a moment, from its status changes and its (not voided) calibrations. The calibration
 * in force is the latest performed at or before the moment. The instrument was:
 * NOT_IN_SERVICE when its status then was not IN_SERVICE (or it was not yet in service);
 * NEVER_CALIBRATED without a calibration in force;
 * OUT_OF_TOLERANCE when the calibration in force left it out of tolerance, or the next calibration found it out of
 * tolerance as found (it read wrong from the calibration in force until that one);
 * OVERDUE when the moment's day (in the bank's zone) is after the calibration's due date;
 * GOOD otherwise.
 */
final class StandingPolicy {

    private StandingPolicy() {}

    /** {@code foundOut}: some test point was out of tolerance as found (the readings before it were wrong). */
    record CalibrationFact(
            UUID id,
            Instant performedAt,
            LocalDate dueOn,
            CalibrationOutcome outcome,
            boolean foundOut,
            BigDecimal worstAsFoundErrorC) {

        CalibrationFact(
                UUID id,
                Instant performedAt,
                LocalDate dueOn,
                CalibrationOutcome outcome,
                BigDecimal worstAsFoundErrorC) {
            this(id, performedAt, dueOn, outcome, outcome.foundOutOfTolerance(), worstAsFoundErrorC);
        }
    }

    record StatusFact(EquipmentStatus status, Instant effectiveAt) {}

    static CalibrationStanding at(
            UUID equipmentId, List<StatusFact> statuses, List<CalibrationFact> calibrations, Instant at, ZoneId zone) {
        List<CalibrationFact> ordered = calibrations.stream()
                .sorted(Comparator.comparing(CalibrationFact::performedAt))
                .toList();
        CalibrationFact inForce = null;
        CalibrationFact next = null;
        for (CalibrationFact c : ordered) {
            if (!c.performedAt().isAfter(at)) {
                inForce = c;
            } else {
                next = c;
                break;
            }
        }
        EquipmentStatus status = statuses.stream()
                .filter(s -> !s.effectiveAt().isAfter(at))
                .max(Comparator.comparing(StatusFact::effectiveAt))
                .map(StatusFact::status)
                .orElse(null);
        if (status != EquipmentStatus.IN_SERVICE) {
            return standing(
                    equipmentId,
                    Standing.NOT_IN_SERVICE,
                    inForce,
                    inForce == null ? null : inForce.worstAsFoundErrorC());
        }
        if (inForce == null) {
            return new CalibrationStanding(
                    equipmentId,
                    Standing.NEVER_CALIBRATED,
                    null,
                    null,
                    null,
                    next != null && next.foundOut() ? next.worstAsFoundErrorC() : null);
        }
        if (!inForce.outcome().goodAsLeft()) {
            return standing(equipmentId, Standing.OUT_OF_TOLERANCE, inForce, inForce.worstAsFoundErrorC());
        }
        if (next != null && next.foundOut()) {
            return standing(equipmentId, Standing.OUT_OF_TOLERANCE, inForce, next.worstAsFoundErrorC());
        }
        if (LocalDate.ofInstant(at, zone).isAfter(inForce.dueOn())) {
            return standing(equipmentId, Standing.OVERDUE, inForce, inForce.worstAsFoundErrorC());
        }
        return standing(equipmentId, Standing.GOOD, inForce, inForce.worstAsFoundErrorC());
    }

    private static CalibrationStanding standing(
            UUID equipmentId, Standing standing, CalibrationFact inForce, BigDecimal error) {
        return inForce == null
                ? new CalibrationStanding(equipmentId, standing, null, null, null, error)
                : new CalibrationStanding(
                        equipmentId, standing, inForce.id(), inForce.performedAt(), inForce.dueOn(), error);
    }
}
