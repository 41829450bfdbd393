package org.openmilkbank.traceability;

/** How a hold ended. */
public enum HoldOutcome {
    /** Lifted with a reason: the milk may be used again. */
    LIFTED,
    /** The check it waited for passed (a negative culture). */
    PASSED,
    /** Decided against the milk: it was discarded. */
    DISCARDED,
    /** Decided for the milk after review (a recall or excursion closed in its favour). */
    RELEASED,
    /** Recorded in error (the deferral or result behind it was voided). */
    VOIDED
}
