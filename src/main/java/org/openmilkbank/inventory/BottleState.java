package org.openmilkbank.inventory;

public enum BottleState {
    QUARANTINE,
    RELEASED,
    DISCARDED,
    DISPENSED
}
