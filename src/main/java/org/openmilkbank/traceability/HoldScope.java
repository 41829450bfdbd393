package org.openmilkbank.traceability;

/** What a hold covers: one unit (and everything made from it), or a donor's milk expressed within a window. */
public enum HoldScope {
    UNIT,
    DONOR_WINDOW
}
