package org.openmilkbank.pasteurization;

public enum RunState {
    /** Recorded "log to follow": judged when its log is imported or its sheet typed; no bottles yet. */
    AWAITING_LOG,
    /** The cycle did not reach the standard's temperature or time; recorded, no bottles. */
    FAILED,
    /** Bottled; the post-pasteurisation culture is pending. */
    QUARANTINE,
    CULTURE_NEGATIVE,
    RELEASED,
    DISCARDED
}
