package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A calibration found an instrument out of tolerance as found: everything it measured since its last good
 * calibration ({@code lastGoodCalibrationAt}, null when it never had one) until {@code foundAt} read wrong by up to
 * {@code worstAsFoundErrorC} (reading minus reference). Published in the calibration's transaction.
 */
public record InstrumentFoundOutOfTolerance(
        UUID equipmentId,
        String code,
        UUID calibrationId,
        Instant lastGoodCalibrationAt,
        Instant foundAt,
        BigDecimal worstAsFoundErrorC) {}
