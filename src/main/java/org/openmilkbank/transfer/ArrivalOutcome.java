package org.openmilkbank.transfer;

/** What became of a bottle of a transfer at the destination. */
public enum ArrivalOutcome {
    /** Entered the destination's stock. */
    ACCEPTED,
    /** Discarded on arrival (too warm, expired, or recalled by the source on the way). */
    DISCARDED
}
