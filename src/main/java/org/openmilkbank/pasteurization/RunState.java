package org.openmilkbank.pasteurization;

public enum RunState {
    /** The cycle did not reach the standard's temperature or time; recorded, no bottles. */
    FAILED,
    /** Bottled; the post-pasteurisation culture is pending. */
    QUARANTINE,
    CULTURE_NEGATIVE,
    RELEASED,
    DISCARDED
}
