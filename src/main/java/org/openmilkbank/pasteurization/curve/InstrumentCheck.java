package org.openmilkbank.pasteurization.curve;

/**
 * An instrument the run relied on and its calibration standing at the time of the run, as the equipment register
 * reports it: {@code GOOD}, {@code OVERDUE}, {@code OUT_OF_TOLERANCE}, {@code NEVER_CALIBRATED}, {@code NOT_IN_SERVICE}.
 * Anything but GOOD fails the rule "instruments calibrated".
 */
public record InstrumentCheck(String label, String standing) {

    public static final String GOOD = "GOOD";

    public boolean good() {
        return GOOD.equals(standing);
    }
}
