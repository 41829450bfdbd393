package org.openmilkbank.pasteurization.curve;

/** The rules a run's curve is judged by, in the order the verdict lists them. */
public enum CurveRule {
    READINGS,
    HEATING,
    HOLD,
    DIP,
    CEILING,
    COOLING,
    GAP,
    INSTRUMENTS,
    HEAT_PENETRATION
}
