package org.openmilkbank.equipment;

/**
 * A calibration's overall result: every point within tolerance as found; found out of tolerance (even when adjusted
 * and within tolerance as left: the readings before it were wrong); or still out of tolerance as left.
 */
public enum CalibrationOutcome {
    PASSED,
    FOUND_OUT_OF_TOLERANCE,
    FAILED;

    /** The instrument reads right after this calibration. */
    public boolean goodAsLeft() {
        return this != FAILED;
    }

    /**
     * The instrument may have read wrong before this calibration (FAILED: still out as left; whether it was out as
     * found is its points' word).
     */
    public boolean foundOutOfTolerance() {
        return this != PASSED;
    }
}
