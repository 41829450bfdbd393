package org.openmilkbank.collection;

public enum ContainerState {
    RAW_FROZEN,
    /** Received but kept out of use until the donor is cleared (eligibility pending or a deferral re-test). */
    HELD,
    POOLED,
    DISCARDED,
    /** Refused at reception (thawed, broken seal, unlabelled, too old, donor not eligible, cold chain broken). */
    REJECTED,
    /** Unusable for good: the donor was deferred or a late test was positive. */
    BLOCKED
}
