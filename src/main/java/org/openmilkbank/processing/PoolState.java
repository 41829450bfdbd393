package org.openmilkbank.processing;

/** Where a pool is in its life; a hold on it (a pending culture, its donors' windows, a recall) is beside this. */
public enum PoolState {
    AWAITING_PRE_CULTURE,
    READY,
    PASTEURISED,
    DISCARDED
}
