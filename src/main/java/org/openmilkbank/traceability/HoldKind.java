package org.openmilkbank.traceability;

/** Why milk is kept out of use, beside its lifecycle state. */
public enum HoldKind {
    /** The donor's milk in a risk window may never be used (late positive result, deferral whose cause reaches back). */
    DONOR_BLOCK,
    /** Milk expressed during a temporary deferral, held until she is cleared by a negative re-test. */
    DONOR_DEFERRAL,
    /** A culture is pending or failed. */
    CULTURE,
    RECALL,
    EXPIRY,
    EXCURSION,
    CALIBRATION,
    /** The bank that sent this milk in a transfer recalled it: kept out of every use here too. */
    NETWORK_RECALL;

    /** Whether milk under this hold is recalled: by this bank's own recall or by the bank that sent it. */
    public boolean isRecall() {
        return this == RECALL || this == NETWORK_RECALL;
    }
}
