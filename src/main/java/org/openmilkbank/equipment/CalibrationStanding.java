package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What was true of an instrument's calibration at one moment. {@code calibrationId}, {@code calibratedAt} and
 * {@code dueOn} name the calibration in force then (null when there was none). {@code worstAsFoundErrorC} is the
 * error (reading minus reference, °C) to apply to what the instrument measured then: for OUT_OF_TOLERANCE the error
 * the next calibration found, otherwise the error the calibration in force found (null without one).
 */
public record CalibrationStanding(
        UUID equipmentId,
        Standing standing,
        UUID calibrationId,
        Instant calibratedAt,
        LocalDate dueOn,
        BigDecimal worstAsFoundErrorC) {

    public enum Standing {
        GOOD,
        OVERDUE,
        OUT_OF_TOLERANCE,
        NEVER_CALIBRATED,
        NOT_IN_SERVICE
    }

    /** Only a GOOD instrument can accept what it measured. */
    public boolean good() {
        return standing == Standing.GOOD;
    }
}
