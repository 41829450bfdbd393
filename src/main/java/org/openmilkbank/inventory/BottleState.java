package org.openmilkbank.inventory;

public enum BottleState {
    QUARANTINE,
    RELEASED,
    DISCARDED,
    DISPENSED,
    /** Holds milk of a donor who was deferred or tested positive late: never dispensed, recalled if issued. */
    BLOCKED
}
