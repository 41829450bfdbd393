package org.openmilkbank.processing;

public enum PoolState {
    AWAITING_PRE_CULTURE,
    READY,
    PASTEURISED,
    DISCARDED,
    /** Holds milk of a donor who was deferred or tested positive late. */
    BLOCKED
}
