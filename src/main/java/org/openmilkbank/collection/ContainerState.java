package org.openmilkbank.collection;

/**
 * Where a container is in its life. A hold on it (its donor's risk window, a recall) is beside this state, never
 * a state: see {@code traceability.Holds}.
 */
public enum ContainerState {
    RAW_FROZEN,
    /** Received but kept out of use until the donor is cleared (eligibility pending or a deferral re-test). */
    HELD,
    POOLED,
    DISCARDED,
    /** Refused at reception (thawed, broken seal, unlabelled, too old, donor not eligible, cold chain broken). */
    REJECTED
}
