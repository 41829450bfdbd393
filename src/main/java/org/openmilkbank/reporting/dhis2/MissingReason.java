package org.openmilkbank.reporting.dhis2;

/** Why a mapped number is not sent for a month ({@code enum.MissingReason.<VALUE>}). */
public enum MissingReason {
    /** The mapping names an indicator that the data dictionary no longer holds. */
    UNKNOWN_INDICATOR,
    /** The indicator gave no number for that breakdown in the month. */
    NOT_COMPUTED,
    /** A ratio whose denominator was zero in the month (no pools, no donors …): there is nothing to divide. */
    NO_DENOMINATOR
}
