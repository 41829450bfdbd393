package org.openmilkbank.storage.cold;

/** What the manager decided for one unit held by an excursion. */
public enum ExcursionDecision {
    RELEASED,
    DISCARDED
}
