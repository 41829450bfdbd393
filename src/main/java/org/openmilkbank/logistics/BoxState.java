package org.openmilkbank.logistics;

/** A shipment in a box: PLANNED on a run, IN_TRANSIT once it left with milk, ARRIVED at the bank. */
public enum BoxState {
    PLANNED,
    IN_TRANSIT,
    ARRIVED,
    /** Planned on a run that was cancelled before the box left. */
    CANCELLED
}
