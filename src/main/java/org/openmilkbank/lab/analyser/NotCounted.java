package org.openmilkbank.lab.analyser;

/** Why a result is kept but does not count for the unit's values. */
public enum NotCounted {
    /** No check sample was measured on that day (in that file or an earlier one). */
    CHECK_MISSING,
    /** That day's check sample was out of its accepted range. */
    CHECK_FAILED,
    /** The row is the check sample itself. */
    CHECK_SAMPLE
}
