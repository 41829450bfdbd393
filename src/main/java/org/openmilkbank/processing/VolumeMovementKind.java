package org.openmilkbank.processing;

/** What happened to part of a pool's volume: bottled by a run, sampled, discarded, or returned by a failed run. */
public enum VolumeMovementKind {
    BOTTLED,
    SAMPLED,
    DISCARDED,
    /** A failed run's milk went back into the pool: shown on the account, it takes nothing from what is left. */
    RETURNED
}
