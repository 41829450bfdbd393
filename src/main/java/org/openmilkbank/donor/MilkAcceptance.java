package org.openmilkbank.donor;

/** What reception does with milk a donor expressed on a given day. */
public enum MilkAcceptance {
    /** The donor was eligible that day: the milk goes to the raw store. */
    ACCEPT,
    /** Not decided yet (screening or serology pending, or a temporary deferral awaiting its re-test): kept, not used. */
    HOLD,
    /** The donor was not eligible that day and will not be for that milk (positive test, permanent deferral). */
    REJECT
}
