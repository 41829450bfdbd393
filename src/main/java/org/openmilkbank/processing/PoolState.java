package org.openmilkbank.processing;

public enum PoolState {
    AWAITING_PRE_CULTURE,
    READY,
    PASTEURISED,
    DISCARDED
}
