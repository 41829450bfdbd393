package org.openmilkbank.inventory;

public enum BottleState {
    QUARANTINE,
    RELEASED,
    DISCARDED,
    DISPENSED,
    /** Sent to another bank of the network: out of this bank's stock for good. */
    TRANSFERRED
}
