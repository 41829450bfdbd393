package org.openmilkbank.processing;

import java.util.List;

/** Why part of a pool's volume was discarded; the first five are what a technician chooses when closing a pool. */
public enum RemainderReason {
    TOO_LITTLE_LEFT,
    SPILLED,
    CONTAMINATED,
    OUT_OF_DATE,
    OTHER,
    /** The whole pool was discarded with the technician's words. */
    POOL_DISCARDED,
    /** Its culture before pasteurisation failed. */
    CULTURE_FAILED,
    /** A pool closed before its volume was accounted: what its runs did not bottle. */
    BEFORE_ACCOUNT;

    /** The reasons a technician may choose when closing a pool. */
    public static List<RemainderReason> chosen() {
        return List.of(TOO_LITTLE_LEFT, SPILLED, CONTAMINATED, OUT_OF_DATE, OTHER);
    }
}
