package org.openmilkbank.logistics;

/** PLANNED → ON_THE_ROAD → RETURNED, or CANCELLED with a reason before returning. */
public enum PickupRunState {
    PLANNED,
    ON_THE_ROAD,
    RETURNED,
    CANCELLED
}
