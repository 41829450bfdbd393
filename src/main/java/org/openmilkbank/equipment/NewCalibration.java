package org.openmilkbank.equipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A calibration as recorded: when (null: now), the reference instrument (its code when it is in the register, or
 * words) and its certificate, and the test points.
 */
public record NewCalibration(
        Instant performedAt,
        String referenceCode,
        String referenceDescription,
        String certificateNumber,
        String certificateIssuer,
        LocalDate certificateValidUntil,
        List<TestPoint> points,
        String note) {}
